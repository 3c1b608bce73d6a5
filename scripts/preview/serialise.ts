/**
 * What crosses from the server to google.script.run, by Apps Script's rules:
 * a return value with a Date anywhere in it arrives as null (the whole value,
 * not just the Date); otherwise it arrives as a JSON-like copy. A server
 * exception arrives as an Error named ScriptError whose message keeps the
 * thrown error's type ("Error: Grade is required"), as Google's V8 runtime
 * reports it. Values come from the bundle's vm realm, so nothing here uses
 * instanceof.
 */

export interface ScriptFailure {
  name: 'ScriptError';
  message: string;
}

export type CallOutcome =
  {ok: true; value: unknown} | {ok: false; error: ScriptFailure};

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

export function isDateValue(value: unknown): value is Date {
  return tagOf(value) === '[object Date]';
}

/** Whether a Date sits anywhere inside the value (cycles are not followed twice). */
function containsDate(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isDateValue(value)) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some(v => containsDate(v, seen));
}

/** Throws when the value refers to itself: Apps Script cannot send it. */
function assertAcyclic(value: unknown, path = new Set<object>()): void {
  if (value === null || typeof value !== 'object') return;
  if (path.has(value))
    throw new Error('The return value contains a circular reference');
  path.add(value);
  for (const v of Object.values(value)) assertAcyclic(v, path);
  path.delete(value);
}

/** A server function's return value as the success handler receives it. */
export function toClientValue(value: unknown): unknown {
  if (containsDate(value)) return null;
  assertAcyclic(value);
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** A thrown value as the failure handler's Error sees it: "<type>: <message>". */
export function toScriptFailure(thrown: unknown): ScriptFailure {
  if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
    const name = String((thrown as {name?: unknown}).name ?? 'Error');
    const message = String((thrown as {message: unknown}).message);
    return {name: 'ScriptError', message: `${name}: ${message}`};
  }
  return {name: 'ScriptError', message: String(thrown)};
}

/** Runs `fn` and packs its result (for google.script.run unless told otherwise) or its exception. */
export function outcomeOf(
  fn: () => unknown,
  pack: (value: unknown) => unknown = toClientValue,
): CallOutcome {
  try {
    return {ok: true, value: pack(fn())};
  } catch (thrown) {
    return {ok: false, error: toScriptFailure(thrown)};
  }
}

/** For the command line: the full value, Dates as ISO strings, cycles refused. */
export function toCliJson(value: unknown): unknown {
  assertAcyclic(value);
  const walk = (v: unknown): unknown => {
    if (isDateValue(v)) return v.toISOString();
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  return walk(value);
}
