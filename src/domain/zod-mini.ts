/**
 * The part of zod/mini this add-on uses. Loaded only through ./zod (a
 * require, so esbuild keeps it out of the bundle's top level); naming each
 * function keeps the rest of zod out of Code.js.
 */
export {
  custom,
  object,
  parse,
  pipe,
  refine,
  safeParse,
  transform,
} from 'zod/mini';
