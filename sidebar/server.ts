/// <reference types="google-apps-script" />
// ^ The server's declarations name Apps Script types; the reference lets them
//   type-check here. Nothing of the server is bundled: the import is type-only.
/**
 * The sidebar's one way to the server: a promise-returning wrapper over
 * google.script.run, typed from the server's own declarations in
 * src/index.ts, so a renamed server function or a changed argument fails to
 * compile here.
 */
import type * as Api from '../src/index';

/** The globals the sidebar calls (each a plain function of src/index.ts). */
export const SERVER_FUNCTIONS = [
  'loadSidebar',
  'saveGrades',
  'logSignal',
  'assignSavePlay',
  'executeSavePlay',
  'withdrawSignal',
  'recordAttendance',
  'saveWords',
  'snapshotWeek',
  'weekRecordStatus',
] as const satisfies ReadonlyArray<keyof typeof Api>;

type ServerFunction = (typeof SERVER_FUNCTIONS)[number];

type Promised<F> = F extends (...args: infer A) => infer R
  ? (...args: A) => Promise<Awaited<R>>
  : never;

export type Server = {
  [K in ServerFunction]: Promised<(typeof Api)[K]>;
};

/** What HtmlService gives the page: a fresh runner per configuration. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: {script: {run: ScriptRunner}};

/** Apps Script reports a server exception as "Error: message"; the person needs the message. */
export function failureMessage(error: unknown): string {
  const text =
    error instanceof Error ? error.message : String(error ?? 'Unknown error');
  return text.replace(/^(?:Exception|Error|TypeError|ScriptError):\s*/, '');
}

function call(name: ServerFunction, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(
        new Error(
          'The sidebar is not connected to the spreadsheet (google.script.run is missing). Reopen it from the menu.',
        ),
      );
      return;
    }
    const runner = google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler(reject);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(
        new Error(
          `The server has no function ${name}: reload the sidebar after the add-on is updated.`,
        ),
      );
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export const server = Object.fromEntries(
  SERVER_FUNCTIONS.map(name => [
    name,
    (...args: unknown[]) => call(name, args),
  ]),
) as unknown as Server;
