/**
 * Shared state of one emulated Apps Script world: the clock, the users, the
 * auth mode of the current execution, and the per-method call counter that
 * tests and benchmarks read to see what an operation costs in round trips.
 */

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

/** The oauthScopes of the project's own manifest (appsscript.json at the repository root). */
export function manifestScopes(): string[] {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', 'appsscript.json'), 'utf8'),
  ) as {oauthScopes?: string[]};
  return manifest.oauthScopes ?? [];
}

/** ScriptApp.AuthMode values, as Apps Script names them. */
export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** What kind of execution is running: decides whether a Ui exists. */
export type Trigger =
  'menu' | 'sidebar' | 'time' | 'custom-function' | 'simple';

export interface EmulatorOptions {
  /** The script project's time zone (appsscript.json), e.g. America/New_York. */
  scriptTimeZone?: string;
  /** The spreadsheet's own time zone (File > Settings), e.g. America/Los_Angeles. */
  spreadsheetTimeZone?: string;
  /** The spreadsheet's locale (File > Settings), e.g. de_DE; getSpreadsheetLocale() returns it. */
  spreadsheetLocale?: string;
  /** The spreadsheet owner's email; a gmail.com owner is a consumer account. */
  owner?: string;
  /** The person running the code now (Session.getEffectiveUser). */
  user?: string;
  /** Emulated time; defaults to the real clock. */
  now?: Date;
  /** MailApp daily quota (consumer accounts: 100 recipients a day). */
  mailQuota?: number;
  /** Id of the emulated spreadsheet, used in its URL. */
  spreadsheetId?: string;
  /** Where HtmlService.createHtmlOutputFromFile reads NAME.html (the build's dist/). */
  htmlDir?: string;
  /** The manifest's oauthScopes; defaults to the project's appsscript.json. */
  oauthScopes?: string[];
  /** Seeds the minute within the hour at which each time-driven trigger fires. */
  triggerSeed?: string;
}

export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  /** Calls of one method ("Range.getValues"), or of every method of a service prefix ("Range."). */
  count(method?: string): number {
    let total = 0;
    for (const [name, n] of this.counts) {
      if (
        method === undefined ||
        name === method ||
        (method.endsWith('.') && name.startsWith(method))
      )
        total += n;
    }
    return total;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(
      [...this.counts].sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Error thrown for an Apps Script method the emulator does not implement. */
export function notEmulated(name: string): never {
  throw new Error(`not emulated: ${name}`);
}

/**
 * An error as Apps Script's services throw it: named "Exception", so the
 * execution log (and String(e)) reads "Exception: <message>" while e.message
 * is the bare message code compares against.
 */
export function appsScriptError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** OAuth scopes Apps Script names in its permission errors ("Required permissions: ..."). */
export const SCOPES = {
  /** Every spreadsheet the user can open: needed by SpreadsheetApp.openById. */
  allSpreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheet:
    '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/**
 * What a call needs from the current auth mode:
 * - read / write: the spreadsheet (custom functions may read, never write);
 * - basic: a service without personal data (Properties, Lock, HtmlService, Session),
 *   which works everywhere except AuthMode.NONE;
 * - authorized: a service needing the user's grant (MailApp, ScriptApp triggers),
 *   which only AuthMode.FULL may call.
 */
export type Needs = 'read' | 'write' | 'basic' | 'authorized';

/** Who holds a lock: an execution number; -1 is "another execution" simulated by a test. */
export interface LockHolder {
  execution: number;
  /** Emulated time (ms) at which another execution lets go; undefined = until released. */
  until?: number;
}

export const OTHER_EXECUTION = -1;

/** One write to the spreadsheet, and whether the document lock was held while it ran. */
export interface WriteRecord {
  method: string;
  sheet: string;
  user: string;
  at: Date;
  underDocumentLock: boolean;
}

export class EmulatorContext {
  scriptTimeZone: string;
  owner: string;
  user: string;
  authMode: AuthMode = 'FULL';
  trigger: Trigger = 'menu';
  /** The execution now running; run() gives each execution its own number. */
  execution = 0;
  readonly htmlDir: string | undefined;
  /** The scopes the manifest declares: a call needing another scope is refused. */
  readonly oauthScopes: readonly string[];
  /** Manifest scopes each user has not granted yet (a new scope after an update): user → scopes. */
  readonly ungranted: Record<string, string[]> = {};
  readonly triggerSeed: string;
  readonly calls = new CallCounter();
  /** Messages shown with Spreadsheet.toast, newest last. */
  readonly toasts: string[] = [];
  /** Every spreadsheet write, in order, with whether it ran under the document lock. */
  readonly writes: WriteRecord[] = [];
  /** LockService state: document and script locks, and one user lock per user. */
  readonly locks: {
    document?: LockHolder;
    script?: LockHolder;
    user: Record<string, LockHolder>;
  } = {user: {}};
  private fixedNow: Date | undefined;
  /** Time added by Utilities.sleep (and lock waits) while the clock is the real one. */
  private offsetMs = 0;
  private lastExecution = 0;

  constructor(options: EmulatorOptions = {}) {
    this.scriptTimeZone = options.scriptTimeZone ?? 'America/New_York';
    this.owner = options.owner ?? 'owner@example.com';
    this.user = options.user ?? this.owner;
    this.fixedNow = options.now;
    this.htmlDir = options.htmlDir;
    this.oauthScopes = options.oauthScopes ?? manifestScopes();
    this.triggerSeed = options.triggerSeed ?? 'trust-rebuild';
  }

  /**
   * Whether the execution has a current document. A time-driven trigger has
   * none here: "in editor add-ons for Google Docs and Google Sheets,
   * time-based triggers are normally attached to the script itself"
   * (vtst/google-apps-scripts, VtstAddonTriggerLib README), and Google's
   * "Triggers for Editor add-ons" promises no active document to them. So
   * getActive(), getActiveSpreadsheet(), getDocumentProperties() and
   * getDocumentLock() give null there: the stricter reading.
   */
  hasDocument(): boolean {
    return this.trigger !== 'time';
  }

  /** Throws Apps Script's permission error when the manifest lacks `scope` or the user has not granted it. */
  requireScope(service: string, scope: string): void {
    const granted =
      this.oauthScopes.includes(scope) &&
      !(this.ungranted[this.user] ?? []).includes(scope);
    if (!granted) {
      throw appsScriptError(
        `You do not have permission to call ${service}. Required permissions: ${scope}`,
      );
    }
  }

  now(): Date {
    return this.fixedNow
      ? new Date(this.fixedNow.getTime())
      : new Date(Date.now() + this.offsetMs);
  }

  setNow(date: Date | undefined): void {
    this.fixedNow = date ? new Date(date.getTime()) : undefined;
  }

  /** The fixed emulated time, or undefined when the clock follows the real one. */
  fixedTime(): Date | undefined {
    return this.fixedNow ? new Date(this.fixedNow.getTime()) : undefined;
  }

  /** Moves the emulated clock forward (Utilities.sleep, waiting for a lock). */
  advance(ms: number): void {
    if (!(ms > 0)) return;
    if (this.fixedNow) this.fixedNow = new Date(this.fixedNow.getTime() + ms);
    else this.offsetMs += ms;
  }

  /** A fresh execution number, for run(). */
  nextExecution(): number {
    this.lastExecution += 1;
    return this.lastExecution;
  }

  /** Apps Script releases every lock an execution still holds when it ends. */
  releaseLocksOf(execution: number): void {
    if (this.locks.document?.execution === execution)
      this.locks.document = undefined;
    if (this.locks.script?.execution === execution)
      this.locks.script = undefined;
    for (const [user, holder] of Object.entries(this.locks.user))
      if (holder.execution === execution) delete this.locks.user[user];
  }

  holdsDocumentLock(): boolean {
    return this.locks.document?.execution === this.execution;
  }

  /** Called by every spreadsheet write, so tests can assert it ran under the document lock. */
  recordWrite(method: string, sheet: string): void {
    this.writes.push({
      method,
      sheet,
      user: this.user,
      at: this.now(),
      underDocumentLock: this.holdsDocumentLock(),
    });
  }

  /**
   * Throws Apps Script's permission error when the current auth mode forbids
   * the call. The wording is Apps Script's: "You do not have permission to call
   * SpreadsheetApp.getActiveSpreadsheet. Required permissions: (...)"; inside a
   * custom function a write names only the method: "You do not have permission
   * to call setValue".
   */
  requireAuth(
    service: string,
    needs: Needs = 'authorized',
    scope?: string,
  ): void {
    const mode = this.authMode;
    if (mode === 'FULL') return;
    const spreadsheetCall = needs === 'read' || needs === 'write';
    if (mode === 'CUSTOM_FUNCTION' && needs === 'write') {
      throw appsScriptError(
        `You do not have permission to call ${service.slice(service.lastIndexOf('.') + 1)}`,
      );
    }
    const forbidden =
      mode === 'NONE' ||
      (needs === 'authorized' &&
        (mode === 'CUSTOM_FUNCTION' || mode === 'LIMITED'));
    if (!forbidden) return;
    const required =
      scope ?? (spreadsheetCall ? SCOPES.spreadsheet : undefined);
    throw appsScriptError(
      required
        ? `You do not have permission to call ${service}. Required permissions: ${required}`
        : `You do not have permission to call ${service}`,
    );
  }
}
