/**
 * Shared state of one emulated Apps Script world: the clock, the users, the
 * auth mode of the current execution, and the per-method call counter that
 * tests and benchmarks read to see what an operation costs in round trips.
 */

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

export class EmulatorContext {
  scriptTimeZone: string;
  owner: string;
  user: string;
  authMode: AuthMode = 'FULL';
  trigger: Trigger = 'menu';
  readonly calls = new CallCounter();
  /** Messages shown with Spreadsheet.toast, newest last. */
  readonly toasts: string[] = [];
  private fixedNow: Date | undefined;

  constructor(options: EmulatorOptions = {}) {
    this.scriptTimeZone = options.scriptTimeZone ?? 'America/New_York';
    this.owner = options.owner ?? 'owner@example.com';
    this.user = options.user ?? this.owner;
    this.fixedNow = options.now;
  }

  now(): Date {
    return this.fixedNow ? new Date(this.fixedNow.getTime()) : new Date();
  }

  setNow(date: Date | undefined): void {
    this.fixedNow = date ? new Date(date.getTime()) : undefined;
  }

  /** Throws Apps Script's message when the current auth mode forbids a service. */
  requireAuth(
    service: string,
    needs: 'read' | 'write' | 'authorized' = 'authorized',
  ): void {
    if (this.authMode === 'NONE') {
      throw new Error(
        `You do not have permission to call ${service}. Required permissions: (this add-on is not yet enabled in this document: AuthMode.NONE)`,
      );
    }
    if (this.authMode === 'CUSTOM_FUNCTION' && needs !== 'read') {
      throw new Error(`You do not have permission to call ${service}`);
    }
  }
}
