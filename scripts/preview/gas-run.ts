/// <reference lib="dom" />
/**
 * google.script.run and google.script.host for the local preview, as a
 * browser script injected before a sidebar's own scripts. It keeps Apps
 * Script's rules so a sidebar bug that would show in Google shows here first:
 * - arguments: primitives, arrays and plain objects only; a Date, function,
 *   symbol, Map/Set, DOM element (a form is allowed as the only argument) or a
 *   circular value anywhere fails the call with a TypeError sent to the failure
 *   handler; `undefined` inside arrays becomes null, undefined object fields are
 *   dropped; the server receives a copy;
 * - only public functions exist: one own enumerable property per function
 *   (names ending in `_` are private in Apps Script and are never listed);
 * - at most 10 calls in flight; the 11th waits until one finishes (the
 *   documented behaviour: "the server function is delayed");
 * - withSuccessHandler / withFailureHandler / withUserObject each return a new
 *   runner, so a configured runner can be reused; handlers get
 *   (result, userObject) and (error, userObject), asynchronously;
 * - a failure with no failure handler is logged to the console, unless
 *   withFailureHandler(null) silenced it.
 * The server side (scripts/preview/serialise.ts) applies the return-value
 * rules: a result containing a Date arrives as null.
 */
export {};

/** What the server answers for one call. */
export type Outcome =
  | {ok: true; value?: unknown; effects?: unknown}
  | {ok: false; error: {name: string; message: string}; effects?: unknown};

/** Sends one call to the server; resolves with its outcome, rejects on a network failure. */
export type Transport = (name: string, args: unknown[]) => Promise<Outcome>;

export interface RunOptions {
  /** Calls allowed in flight at once (Apps Script: 10). */
  maxInFlight?: number;
  /** Told about every settled call (the preview refreshes the spreadsheet view). */
  onSettled?: (name: string, outcome: Outcome) => void;
}

type Handler = ((value: unknown, userObject: unknown) => void) | null;

interface RunnerSettings {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

export const MAX_IN_FLIGHT = 10;

/** Apps Script's wording for an argument it cannot send. */
function illegal(key: string): TypeError {
  return new TypeError(`Failed due to illegal value in property: ${key}`);
}

function isNode(value: object): boolean {
  return typeof Node !== 'undefined' && value instanceof Node;
}

function isForm(value: unknown): value is HTMLFormElement {
  return (
    typeof HTMLFormElement !== 'undefined' && value instanceof HTMLFormElement
  );
}

/** A form becomes {fieldName: value}; repeated names become arrays, as Apps Script sends them. */
function formToObject(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new FormData(form)) {
    const v = typeof value === 'string' ? value : value.name;
    if (!(name in out)) out[name] = v;
    else if (Array.isArray(out[name])) (out[name] as unknown[]).push(v);
    else out[name] = [out[name], v];
  }
  return out;
}

/** Deep copy of one value under Apps Script's parameter rules; throws a TypeError naming the property. */
function copyLegal(value: unknown, key: string, seen: Set<object>): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
    case 'bigint':
      throw illegal(key);
  }
  const object = value as object;
  const tag = Object.prototype.toString.call(object);
  if (
    tag === '[object Date]' ||
    object instanceof Map ||
    object instanceof Set ||
    object instanceof WeakMap ||
    object instanceof WeakSet ||
    object instanceof RegExp ||
    object instanceof Promise ||
    ArrayBuffer.isView(object) ||
    object instanceof ArrayBuffer ||
    isNode(object)
  ) {
    throw illegal(key);
  }
  if (seen.has(object)) throw illegal(key);
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      // undefined fields within arrays become null (documented).
      return object.map((item, i) => {
        const copy = copyLegal(item, String(i), seen);
        return copy === undefined ? null : copy;
      });
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(object)) {
      const copy = copyLegal((object as Record<string, unknown>)[k], k, seen);
      if (copy !== undefined) out[k] = copy;
    }
    return out;
  } finally {
    seen.delete(object);
  }
}

/**
 * The arguments as the server would receive them, or a TypeError when Apps
 * Script would refuse them. A form is legal only as the only argument.
 */
export function encodeArguments(args: unknown[]): unknown[] {
  if (args.length === 1 && isForm(args[0])) return [formToObject(args[0])];
  return args.map((arg, i) => {
    const copy = copyLegal(arg, String(i), new Set());
    return copy === undefined ? null : copy;
  });
}

/** The Error a failure handler receives for a server-side exception. */
function scriptError(error: {name: string; message: string}): Error {
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

/** Runs callbacks after the caller's own code, as google.script.run always does. */
function later(fn: () => void): void {
  setTimeout(fn, 0);
}

/**
 * Builds a google.script.run object for the given public functions. Every
 * runner shares one in-flight limit, as all calls from one page do.
 */
export function createScriptRun(
  functions: readonly string[],
  transport: Transport,
  options: RunOptions = {},
): Record<string, unknown> {
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT;
  let inFlight = 0;
  const waiting: Array<() => void> = [];

  const pump = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      inFlight++;
      (waiting.shift() as () => void)();
    }
  };

  const settle = (settings: RunnerSettings, name: string, outcome: Outcome) => {
    options.onSettled?.(name, outcome);
    if (outcome.ok) {
      if (settings.success)
        settings.success(outcome.value, settings.userObject);
      return;
    }
    fail(settings, scriptError(outcome.error));
  };

  const fail = (settings: RunnerSettings, error: Error) => {
    if (settings.failure) settings.failure(error, settings.userObject);
    else if (settings.failure === undefined) console.error(error);
  };

  const call = (settings: RunnerSettings, name: string, args: unknown[]) => {
    let encoded: unknown[];
    try {
      encoded = encodeArguments(args);
    } catch (error) {
      later(() => fail(settings, error as Error));
      return;
    }
    waiting.push(() => {
      transport(name, encoded)
        .then(
          outcome => settle(settings, name, outcome),
          () =>
            fail(
              settings,
              new Error('NetworkError: Connection failure due to HTTP 0'),
            ),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    });
    pump();
  };

  const makeRunner = (settings: RunnerSettings): Record<string, unknown> => {
    const runner: Record<string, unknown> = {};
    // The configuration methods are not enumerable: typed clients enumerate the runner to find server functions.
    const configure = (key: keyof RunnerSettings) => (value: unknown) =>
      makeRunner({...settings, [key]: value});
    Object.defineProperties(runner, {
      withSuccessHandler: {value: configure('success')},
      withFailureHandler: {value: configure('failure')},
      withUserObject: {value: configure('userObject')},
    });
    for (const name of functions) {
      if (name.endsWith('_')) continue;
      runner[name] = (...args: unknown[]) => {
        call(settings, name, args);
      };
    }
    return runner;
  };

  return makeRunner({});
}

/** Posts one call to the preview server. */
export function httpTransport(endpoint: string): Transport {
  return async (name, args) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({name, args}),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Outcome;
  };
}

/** google.script.host: the sidebar asks the page hosting it to close or resize. */
export function createScriptHost(post: (message: object) => void) {
  return {
    origin: location.origin,
    close: () => post({type: 'close'}),
    setHeight: (height: number) => post({type: 'setHeight', height}),
    setWidth: (width: number) => post({type: 'setWidth', width}),
    editor: {focus: () => post({type: 'focus'})},
  };
}

interface PreviewConfig {
  functions: string[];
  endpoint: string;
}

declare global {
  interface Window {
    google?: {script: Record<string, unknown>};
    __GAS_PREVIEW__?: PreviewConfig;
    gasPreview?: {
      createScriptRun: typeof createScriptRun;
      encodeArguments: typeof encodeArguments;
      httpTransport: typeof httpTransport;
      MAX_IN_FLIGHT: number;
    };
  }
}

function postToHost(message: object): void {
  if (window.parent !== window)
    window.parent.postMessage({source: 'gas-preview', ...message}, '*');
}

window.gasPreview = {
  createScriptRun,
  encodeArguments,
  httpTransport,
  MAX_IN_FLIGHT,
};

const config = window.__GAS_PREVIEW__;
if (config) {
  window.google = {
    script: {
      run: createScriptRun(config.functions, httpTransport(config.endpoint), {
        onSettled: (name, outcome) =>
          postToHost({type: 'called', name, effects: outcome.effects}),
      }),
      host: createScriptHost(postToHost),
    },
  };
}
