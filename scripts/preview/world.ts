/**
 * The preview's one emulated world: dist/Code.js loaded in the bare vm loader
 * against an emulated spreadsheet, called as Apps Script would call it (menu
 * items, sidebar calls, time-driven triggers), and saved after every call so
 * a restart keeps every change.
 */
import {existsSync} from 'node:fs';
import type {Emulator, Trigger} from '../../emulator';
import type {OutboxMessage} from '../../emulator/mail';
import {copyWorld} from '../../emulator/persist';
import type {UiReply} from '../../emulator/ui';
import {
  CODE_PATH,
  loadBundle,
  readBundle,
  type LoadedBundle,
} from '../../emulator/loader';
import {Calculator, customFunctionsOf} from './calc';
import {isDateValue, outcomeOf, toCliJson, type CallOutcome} from './serialise';
import {zonedToInstant} from './zoned-time';
import {zonedFields, zonedInstant} from '../../emulator/format-date';
import {
  fireDue,
  loadStoredWorld,
  newWorld,
  reschedule,
  saveStoredWorld,
  type Seed,
} from './store';

/** How an execution started: decides auth mode and whether a Ui exists. */
export type Via = 'menu' | 'sidebar' | 'time' | 'simple' | 'custom-function';

export interface WorldOptions {
  /** Where the world is kept: loaded from when it exists, saved to after each call. */
  file?: string;
  /** Load from `file` but never write it (the command line's --no-save). */
  readOnly?: boolean;
  /** Start again from the seed even when the file exists. */
  reset?: boolean;
  /** What a new world starts from: the sample workbook (default) or one empty sheet. */
  seed?: Seed;
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
  /** Computes the cells whose formulas call the add-on's custom functions. */
  readonly calculator: Calculator;
  private constructor(
    readonly emulator: Emulator,
    readonly bundle: LoadedBundle,
    readonly file: string | undefined,
    customFunctions: string[],
    private readonly code: string,
  ) {
    this.calculator = new Calculator(emulator, bundle, customFunctions);
  }

  static open(options: WorldOptions = {}): PreviewWorld {
    const code = readBundle(options.codePath ?? CODE_PATH);
    const stored =
      options.file && !options.reset && existsSync(options.file)
        ? loadStoredWorld(options.file)
        : undefined;
    const emulator =
      stored ?? newWorld(options.seed ?? 'sample', code, options.now);
    const world = new PreviewWorld(
      emulator,
      loadBundle(emulator, code),
      options.readOnly ? undefined : options.file,
      customFunctionsOf(code),
      code,
    );
    world.calculator.recalculate();
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

  /**
   * Calls one global as an execution of the given kind, then saves the world.
   * The result crosses as google.script.run delivers it (a Date anywhere makes
   * it null); `forCli` keeps it whole, Dates as ISO text.
   */
  run(
    name: string,
    args: unknown[],
    via: Via,
    {forCli = false, replies = [] as UiReply[]} = {},
  ): {
    outcome: CallOutcome;
    effects: Effects;
    calls: Record<string, number>;
  } {
    const before = this.marks();
    this.emulator.ui.replies.splice(0, Infinity, ...replies);
    const outcome: CallOutcome =
      isPrivate(name) || !this.bundle.globalFunctions.includes(name)
        ? {
            ok: false,
            error: {
              name: 'ScriptError',
              message: `Script function not found: ${name}`,
            },
          }
        : outcomeOf(
            () => this.bundle.call(name, args, KIND[via]),
            forCli ? toCliJson : undefined,
          );
    this.record(via, name, outcome);
    // The call's own service calls, before the sheet recalculates what it changed.
    const calls = this.emulator.ctx.calls.snapshot();
    this.calculator.recalculate();
    this.forgetOld();
    this.save();
    return {outcome, effects: this.effectsSince(before), calls};
  }

  /**
   * The next question a menu item would ask (a Ui.alert offering a choice)
   * once given `replies`, found by running it on a copy of the world: the
   * emulator answers alerts synchronously, so the page asks the person
   * first and then runs the item for real with their answers. Undefined
   * when it asks nothing more.
   */
  nextQuestion(
    name: string,
    replies: UiReply[],
  ): {text: string; buttons: string} | undefined {
    if (isPrivate(name) || !this.bundle.globalFunctions.includes(name))
      return undefined;
    const copy = copyWorld(this.emulator);
    copy.ui.replies.push(...replies);
    try {
      loadBundle(copy, this.code).call(name, [], KIND.menu);
    } catch {
      // The real run reports it.
    }
    return copy.ui.questions?.[replies.length];
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
    if (fire && at.getTime() > from.getTime()) {
      for (const due of fireDue(this.bundle, at))
        fired.push(this.record('time', due.handler, due.outcome, due.at));
    } else {
      this.emulator.ctx.setNow(at);
      reschedule(this.emulator);
    }
    this.calculator.recalculate();
    this.save();
    return {fired, effects: this.effectsSince(before)};
  }

  /**
   * The person types into a cell (or ticks a checkbox), as in Sheets: typed
   * dates become dates in the spreadsheet's zone, numbers numbers, and
   * protection applies to them like to anyone.
   */
  edit(
    tab: string,
    row: number,
    column: number,
    typed: string | boolean,
  ): void {
    const sheet = this.emulator.spreadsheet.sheets.find(
      s => s.state.name === tab,
    );
    if (!sheet) throw new Error(`No tab named "${tab}"`);
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(column) ||
      row < 1 ||
      column < 1
    )
      throw new Error(`Cell row ${row}, column ${column} is outside the tab`);
    const value =
      typeof typed === 'boolean'
        ? typed
        : (typedDate(typed, this.emulator.spreadsheet.state.timeZone) ?? typed);
    this.emulator.run({trigger: 'menu'}, () =>
      sheet.getRange(row, column).setValue(value),
    );
    this.calculator.recalculate();
    this.save();
  }

  /**
   * Acts as another person of the team from now on (the owner, the analyst
   * who set up, the CRO, a rep): menu items and sidebar calls run as them,
   * protection applies to them, and the document opens again for them, so
   * onOpen builds their menu. Scheduled triggers still run as their installer.
   */
  actAs(email: string): void {
    const user = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(user))
      throw new Error(`"${email}" is not an email address`);
    this.emulator.ctx.user = user;
    this.open();
    this.save();
  }

  /** Who the preview offers to act as: the owner, whoever is named in Settings, protections and triggers, a rep. */
  people(): string[] {
    const {ctx, spreadsheet, triggers} = this.emulator;
    const found = [ctx.owner, ctx.user];
    const settings = spreadsheet.sheets.find(s => s.state.name === 'Settings');
    for (const row of settings?.state.values ?? [])
      for (const v of row)
        if (typeof v === 'string' && /^[^\s@,]+@[^\s@,]+$/.test(v.trim()))
          found.push(v.trim().toLowerCase());
    for (const sheet of spreadsheet.sheets)
      for (const p of sheet.state.protections) found.push(...p.editors);
    for (const t of triggers.triggers) found.push(t.owner);
    found.push('analyst@example.com', 'rep@example.com');
    return [...new Set(found.filter(Boolean))];
  }

  /**
   * Sets the spreadsheet's time zone (File › Settings). A date cell is a day
   * number in Sheets, so it keeps its calendar day and wall time: the instant
   * each Date cell holds moves with the zone.
   */
  setTimeZone(timeZone: string): void {
    try {
      new Intl.DateTimeFormat('en-US', {timeZone});
    } catch {
      throw new Error(`"${timeZone}" is not a time zone (e.g. Europe/Berlin)`);
    }
    const state = this.emulator.spreadsheet.state;
    const from = state.timeZone;
    for (const sheet of state.sheets)
      for (const row of sheet.values)
        row.forEach((v, i) => {
          if (isDateValue(v)) row[i] = sameWallTime(v, from, timeZone);
        });
    this.emulator.run({trigger: 'menu'}, () =>
      this.emulator.spreadsheet.setSpreadsheetTimeZone(timeZone),
    );
    this.calculator.recalculate();
    this.save();
  }

  /** A preview runs for hours: keep the recent log lines, not every write record since start. */
  private forgetOld(): void {
    const {logs, ctx} = this.emulator;
    if (logs.length > 500) logs.splice(0, logs.length - 500);
    ctx.writes.length = 0;
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
      questions: ui.questions?.length ?? 0,
      toasts: this.emulator.ctx.toasts.length,
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      mails: outboxOf(this.emulator).length,
    };
  }

  private effectsSince(before: ReturnType<PreviewWorld['marks']>): Effects {
    const ui = this.emulator.ui;
    const effects: Effects = {
      // A question the person already answered on the page is not shown again.
      alerts: ui.alerts
        .slice(before.alerts)
        .filter(
          a =>
            !(ui.questions ?? [])
              .slice(before.questions)
              .some(q => q.text === a),
        ),
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

/** A date as a person types it ("2026-10-05", "10/5/2026", optionally "17:00"), at that wall time in the zone. */
export function typedDate(text: string, timeZone: string): Date | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(t);
  let ymd: [string, string, string] | undefined;
  if (m) ymd = [m[1], m[2], m[3]];
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(t);
    if (m) ymd = [m[3], m[1], m[2]];
  }
  if (!m || !ymd) return undefined;
  const pad = (x: string) => x.padStart(2, '0');
  try {
    return zonedToInstant(
      `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}T${pad(m[4] ?? '0')}:${m[5] ?? '00'}`,
      timeZone,
    );
  } catch {
    return undefined;
  }
}

/** The instant showing the same wall-clock time in `to` as `at` shows in `from`. */
export function sameWallTime(at: Date, from: string, to: string): Date {
  const f = zonedFields(at, from);
  const instant = zonedInstant(
    to,
    f.year,
    f.month,
    f.day,
    f.hour,
    f.minute,
    f.second,
  );
  return new Date(instant.getTime() + f.millisecond);
}

/** The emulator's sent mail, oldest first. */
export function outboxOf(emulator: Emulator): OutboxMessage[] {
  return emulator.outbox;
}
