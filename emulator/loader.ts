/**
 * Loads dist/Code.js the way Apps Script does: evaluated whole in a fresh
 * context that has only ECMAScript built-ins and the Apps Script services
 * (no require, process, setTimeout, URL, TextEncoder, fetch, crypto, Buffer),
 * then calls its top-level functions. Every call re-evaluates nothing: like
 * Apps Script, a fresh load per execution is available via `fresh`.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import vm from 'node:vm';
import {checkCustomFunctionResult} from './custom-function-result';
import type {
  AuthMode,
  Emulator,
  TimeDrivenEvent,
  Trigger,
  TriggerFiring,
} from './index';

export const CODE_PATH = join(__dirname, '..', 'dist', 'Code.js');

/** Host globals that Apps Script's V8 does not have and a vm context must not leak. */
export const ABSENT_GLOBALS = [
  'require',
  'process',
  'setTimeout',
  'setInterval',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'crypto',
  'Buffer',
  'atob',
  'btoa',
  'module',
  'exports',
  'global',
  'queueMicrotask',
  'structuredClone',
];

export interface LoadedBundle {
  context: vm.Context;
  /** The names of the functions the bundle declares at top level (what Apps Script can call). */
  globalFunctions: string[];
  /**
   * Calls a top-level function as an execution of the given kind. A custom
   * function's result is checked as Sheets takes it (custom-function-result.ts):
   * a value Sheets cannot show throws instead of being returned.
   */
  call(
    name: string,
    args?: unknown[],
    kind?: {authMode?: AuthMode; trigger?: Trigger; user?: string},
  ): unknown;
  /**
   * Moves the emulated clock to `until`, calling the bundle's handler of each
   * time-driven trigger that falls due on the way, as Apps Script would: as
   * the trigger's installer, AuthMode.FULL, no Ui, with the time-driven event.
   */
  fireDueTriggers(until: Date): TriggerFiring[];
}

export function readBundle(path = CODE_PATH): string {
  return readFileSync(path, 'utf8');
}

export function loadBundle(
  emulator: Emulator,
  code = readBundle(),
): LoadedBundle {
  const sandbox: Record<string, unknown> = {
    ...emulator.globals,
    console: quietConsole(emulator.logs),
  };
  const context = vm.createContext(sandbox, {
    codeGeneration: {strings: false, wasm: false},
  });
  installEmulatedClock(context, () => emulator.ctx.now().getTime());
  useEmulatedClock(context, () => emulator.ctx.now().getTime());
  vm.runInContext(code, context, {filename: 'Code.js'});
  const globalFunctions = Object.getOwnPropertyNames(context).filter(
    name =>
      typeof (context as Record<string, unknown>)[name] === 'function' &&
      !(name in emulator.globals) &&
      name !== 'Date',
  );
  const lookup = (name: string) => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function')
      throw new Error(`Script function not found: ${name}`);
    return fn as (...a: unknown[]) => unknown;
  };
  return {
    context,
    globalFunctions,
    call(name, args = [], kind = {}) {
      const fn = lookup(name);
      const result = emulator.run(kind, () => fn(...args));
      return kind.trigger === 'custom-function' ||
        kind.authMode === 'CUSTOM_FUNCTION'
        ? checkCustomFunctionResult(name, result)
        : result;
    },
    fireDueTriggers(until) {
      return emulator.fireDueTriggers(
        until,
        (handler, event: TimeDrivenEvent) => lookup(handler)(event),
      );
    },
  };
}

/**
 * The bundle's `new Date()` and `Date.now()` read the emulator's clock, so a
 * trigger fired at an emulated Friday 17:00 sees Friday 17:00. Dates stay the
 * context's own Date objects.
 */
function useEmulatedClock(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      function EmulatedDate() {
        if (!new.target) return new RealDate(now()).toString();
        var args = Array.prototype.slice.call(arguments);
        return args.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
      }
      EmulatedDate.prototype = RealDate.prototype;
      EmulatedDate.now = function () { return now(); };
      EmulatedDate.UTC = RealDate.UTC;
      EmulatedDate.parse = RealDate.parse;
      Date = EmulatedDate;
    })`,
    context,
  ) as (now: () => number) => void;
  install(now);
}

/** Apps Script's console writes to the execution log, not to the terminal. */
function quietConsole(logs: string[]) {
  const write = (...args: unknown[]) => {
    logs.push(
      args.map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '),
    );
  };
  return {log: write, info: write, warn: write, error: write};
}

/**
 * `new Date()` and `Date.now()` in the bundle read the emulated clock, so a
 * test or the preview can run Friday evening in Los Angeles at any real time.
 * Dates built from arguments behave exactly as the built-in Date.
 */
function installEmulatedClock(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(now) => {
      const RealDate = Date;
      class EmulatedDate extends RealDate {
        constructor(...args) {
          if (args.length === 0) super(now());
          else super(...args);
        }
        static now() {
          return now();
        }
      }
      globalThis.Date = EmulatedDate;
    }`,
    context,
  ) as (now: () => number) => void;
  install(now);
}
