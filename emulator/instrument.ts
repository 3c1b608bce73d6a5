/**
 * Wraps an emulated service object so that every method call is counted
 * (`Class.method`) and a call to a method the emulator lacks throws
 * "not emulated: Class.method" instead of "undefined is not a function".
 */
import type {EmulatorContext} from './context';

/** Methods that must never be reported as missing (inspection by Node, jest, promises). */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
]);

const wrappers = new WeakMap<object, object>();
const raws = new WeakMap<object, object>();

export function expose<T extends object>(
  raw: T,
  className: string,
  ctx: EmulatorContext,
): T {
  const cached = wrappers.get(raw);
  if (cached) return cached as T;
  const proxy = new Proxy(raw, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (
        typeof prop === 'symbol' ||
        PASS_THROUGH.has(prop) ||
        prop.startsWith('_')
      )
        return value;
      if (value === undefined && !(prop in target)) {
        return () => {
          throw new Error(`not emulated: ${className}.${prop}`);
        };
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        ctx.calls.record(`${className}.${prop}`);
        const result = (value as (...a: unknown[]) => unknown).apply(
          target,
          args,
        );
        // Chained setters return `this`: hand back the counted proxy, not the raw object.
        return result === target ? proxy : result;
      };
    },
  });
  wrappers.set(raw, proxy);
  raws.set(proxy, raw);
  return proxy;
}

/** The raw object behind an exposed proxy, for emulator internals and test inspection. */
export function unwrap<T extends object>(value: T): T {
  return (raws.get(value) ?? value) as T;
}

/**
 * Pins an emulated class to the real Apps Script interface: each listed method
 * takes exactly the real parameters and returns the real type when that is a
 * primitive or array of primitives; returned service objects are our fakes.
 */
export type Emulates<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: A) => R extends object ? (R extends unknown[] ? R : unknown) : R
    : never;
};
