/**
 * The preview's one emulated world: dist/Code.js loaded in the bare vm loader
 * against an emulated spreadsheet, called as Apps Script would call it (menu
 * items, sidebar calls, time-driven triggers), and saved after every call so
 * a restart keeps every change.
 */
import {existsSync} from 'node:fs';
import {createEmulator, type Emulator, type Trigger} from '../../emulator';
import {
  CODE_PATH,
  loadBundle,
  readBundle,
  type LoadedBundle,
} from '../../emulator/loader';
import {outcomeOf, type CallOutcome} from './serialise';
import {fireDue, loadStoredWorld, saveStoredWorld, seedSample} from './store';

/** How an execution started: decides auth mode and whether a Ui exists. */
export type Via = 'menu' | 'sidebar' | 'time' | 'simple' | 'custom-function';

export interface WorldOptions {
  /** Where the world is saved after each call; none keeps it in memory only. */
  file?: string;
  /** Start again from the seed even when the file exists. */
  reset?: boolean;
  /** What a new world starts from: the sample workbook (default) or one empty sheet. */
  seed?: 'sample' | 'empty';
  /** The bundle to run (default dist/Code.js). */
  codePath?: string;
  /** Emulated time to start at when the world is new (default: the real clock). */
  now?: Date;
}

/** What one execution changed that the person should see. */
export interface Effects {
  alerts: string[];
  toasts: string[];
  /** Index of the sidebar the call opened (see sidebars), if it opened one. */
  sidebar?: number;
  dialog?: number;
  mails: number;
}

export interface Execution {
  /** Emulated time the execution ran at (ISO). */
  at: string;
  via: Via;
  name: string;
  ok: boolean;
  error?: string;
}

const KIND: Record<
  Via,
  {trigger: Trigger; authMode: 'FULL' | 'LIMITED' | 'CUSTOM_FUNCTION'}
> = {
  menu: {trigger: 'menu', authMode: 'FULL'},
  sidebar: {trigger: 'sidebar', authMode: 'FULL'},
  time: {trigger: 'time', authMode: 'FULL'},
  // The add-on is installed and enabled in this document: onOpen runs in LIMITED.
  simple: {trigger: 'simple', authMode: 'LIMITED'},
  'custom-function': {trigger: 'custom-function', authMode: 'CUSTOM_FUNCTION'},
};

/** Names Apps Script treats as private: google.script.run and menus cannot reach them. */
export function isPrivate(name: string): boolean {
  return name.endsWith('_');
}

export class PreviewWorld {
  readonly executions: Execution[] = [];
  private constructor(
    readonly emulator: Emulator,
    readonly bundle: LoadedBundle,
    readonly file: string | undefined,
  ) {}

  static open(options: WorldOptions = {}): PreviewWorld {
    const code = readBundle(options.codePath ?? CODE_PATH);
    const stored =
      options.file && !options.reset && existsSync(options.file)
        ? loadStoredWorld(options.file)
        : undefined;
    const emulator = stored ?? createEmulator({now: options.now});
    if (!stored && (options.seed ?? 'sample') === 'sample')
      seedSample(emulator);
    const world = new PreviewWorld(
      emulator,
      loadBundle(emulator, code),
      options.file,
    );
    world.save();
    return world;
  }

  /** The functions google.script.run may call: every public top-level function. */
  publicFunctions(): string[] {
    return this.bundle.globalFunctions.filter(n => !isPrivate(n)).sort();
  }

  /** Opens the document: Apps Script runs onOpen, which builds the add-on menu. */
  open(): CallOutcome | undefined {
    this.emulator.ui.menus.length = 0;
    if (!this.bundle.globalFunctions.includes('onOpen')) return undefined;
    return this.run('onOpen', [{authMode: 'LIMITED'}], 'simple').outcome;
  }

  /** Calls one global as an execution of the given kind, then saves the world. */
  run(
    name: string,
    args: unknown[],
    via: Via,
  ): {outcome: CallOutcome; effects: Effects} {
    const before = this.marks();
    const outcome: CallOutcome =
      isPrivate(name) || !this.bundle.globalFunctions.includes(name)
        ? {
            ok: false,
            error: {
              name: 'ScriptError',
              message: `Script function not found: ${name}`,
            },
          }
        : outcomeOf(() => this.bundle.call(name, args, KIND[via]));
    this.record(via, name, outcome);
    this.save();
    return {outcome, effects: this.effectsSince(before)};
  }

  /** Emulated now. */
  now(): Date {
    return this.emulator.ctx.now();
  }

  /**
   * Moves the emulated clock; with `fire`, runs every time-driven trigger due
   * between the old time and the new one, in order, as Apps Script would.
   */
  setClock(at: Date, fire: boolean): {fired: Execution[]; effects: Effects} {
    const from = this.now();
    const before = this.marks();
    const fired: Execution[] = [];
    this.emulator.ctx.setNow(at);
    if (fire && at.getTime() > from.getTime()) {
      for (const due of fireDue(this.emulator, this.bundle, from, at)) {
        const execution = this.record('time', due.handler, due.outcome, due.at);
        fired.push(execution);
      }
    }
    this.save();
    return {fired, effects: this.effectsSince(before)};
  }

  save(): void {
    if (this.file) saveStoredWorld(this.file, this.emulator);
  }

  private record(
    via: Via,
    name: string,
    outcome: CallOutcome,
    at = this.now(),
  ): Execution {
    const execution: Execution = {
      at: at.toISOString(),
      via,
      name,
      ok: outcome.ok,
    };
    if (!outcome.ok) execution.error = outcome.error.message;
    this.executions.push(execution);
    if (this.executions.length > 200) this.executions.shift();
    return execution;
  }

  private marks() {
    const ui = this.emulator.ui;
    return {
      alerts: ui.alerts.length,
      toasts: this.emulator.ctx.toasts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      mails: outboxOf(this.emulator).length,
    };
  }

  private effectsSince(before: ReturnType<PreviewWorld['marks']>): Effects {
    const ui = this.emulator.ui;
    const effects: Effects = {
      alerts: ui.alerts.slice(before.alerts),
      toasts: this.emulator.ctx.toasts.slice(before.toasts),
      mails: outboxOf(this.emulator).length - before.mails,
    };
    if (ui.sidebars.length > before.sidebars)
      effects.sidebar = ui.sidebars.length - 1;
    if (ui.dialogs.length > before.dialogs)
      effects.dialog = ui.dialogs.length - 1;
    return effects;
  }
}

/** The emulator's sent mail, newest last (empty until the mail service exists). */
export function outboxOf(emulator: Emulator): OutboxMessage[] {
  return ((emulator as unknown as {outbox?: OutboxMessage[]}).outbox ??
    []) as OutboxMessage[];
}

export interface OutboxMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  sentAt?: Date;
  attachments?: Array<{
    name: string;
    contentType: string;
    bytes: number[] | Uint8Array;
  }>;
}
