/**
 * The preview's seams to the emulator: a new world (the sample workbook or one
 * empty sheet), saving and loading it (emulator/persist.ts: atomic
 * write-then-rename), and its time-driven triggers (emulator/triggers.ts).
 */
import {createEmulator, type Emulator} from '../../emulator';
import type {LoadedBundle} from '../../emulator/loader';
import {loadWorld, saveWorld} from '../../emulator/persist';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {describeSchedule, nextRunAfter} from '../../emulator/triggers';
import {toScriptFailure, type CallOutcome} from './serialise';

export type Seed = 'sample' | 'empty';

/** The preview's spreadsheet keeps Pacific time, as the README's examples read. */
const PREVIEW_TIME_ZONE = 'America/Los_Angeles';

/** A new world: the sample workbook (its clock on the sample's Friday), or one empty sheet at `now`. */
export function newWorld(seed: Seed, code: string, now?: Date): Emulator {
  if (seed === 'sample')
    return sampleWorkbook({
      code,
      emulator: {spreadsheetTimeZone: PREVIEW_TIME_ZONE},
    });
  // The emulated clock stands still until the person moves it, so triggers fire only when asked.
  const start = now ?? new Date(Math.floor(Date.now() / 60000) * 60000);
  return createEmulator({now: start, spreadsheetTimeZone: PREVIEW_TIME_ZONE});
}

export function loadStoredWorld(file: string): Emulator {
  try {
    return loadWorld(file);
  } catch (e) {
    throw new Error(
      `Could not read the preview world ${file}: ${(e as Error).message}. Start again from the sample with --reset.`,
    );
  }
}

export function saveStoredWorld(file: string, emulator: Emulator): void {
  saveWorld(file, emulator);
}

export interface Firing {
  handler: string;
  at: Date;
  outcome: CallOutcome;
}

/** Runs every trigger due up to `until`, in order, each at its own time (the clock ends at `until`). */
export function fireDue(bundle: LoadedBundle, until: Date): Firing[] {
  return bundle.fireDueTriggers(until).map(f => ({
    handler: f.handler,
    at: f.at,
    outcome:
      f.error === undefined
        ? {ok: true, value: undefined}
        : {ok: false, error: toScriptFailure(f.error)},
  }));
}

/** After the clock jumps without firing, each trigger waits for its next time after the new now. */
export function reschedule(emulator: Emulator): void {
  const now = emulator.ctx.now();
  for (const t of emulator.triggers.triggers)
    if (t.schedule.kind !== 'once' || t.nextRun)
      t.nextRun = nextRunAfter(t, now);
}

export interface TriggerView {
  handler: string;
  description: string;
  owner: string;
  timeZone: string;
  /** ISO instant of the next run, '' when it will not run again. */
  nextRun: string;
}

export function triggersOf(emulator: Emulator): TriggerView[] {
  return emulator.triggers.triggers.map(t => ({
    handler: t.handler,
    description: describeSchedule(t),
    owner: t.owner,
    timeZone: t.timeZone,
    nextRun: t.nextRun ? t.nextRun.toISOString() : '',
  }));
}
