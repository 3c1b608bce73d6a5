/**
 * zod/mini, evaluated on first use. Apps Script evaluates the whole bundle
 * before every custom-function call, trigger and menu click, and zod builds
 * its classes when its module runs; only the settings and the sidebar's
 * payloads need it. A require() (resolved by esbuild, so Code.js holds no
 * require) makes esbuild wrap ./zod-mini in a function that runs at the
 * first use of `z`, once per execution like any module. Types come from
 * `import type * as Z from 'zod/mini'`.
 */
import type * as ZodMini from './zod-mini';

declare const require: (id: './zod-mini') => typeof ZodMini;

export const z = new Proxy({} as typeof ZodMini, {
  get: (_, name: keyof typeof ZodMini) => require('./zod-mini')[name],
});
