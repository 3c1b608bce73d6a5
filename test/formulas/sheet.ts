/**
 * Calls the custom functions the way Sheets does: through dist/Code.js in a
 * bare vm context, with arguments shaped as Sheets passes them (2D arrays,
 * "" for blanks, Date objects, numbers, booleans, text).
 */
import {createEmulator, DEFAULT_SPREADSHEET_TIME_ZONE} from '../../emulator';
import {zonedInstant} from '../../emulator/format-date';
import {loadBundle, type LoadedBundle} from '../../emulator/loader';
import {DEAL_HEADERS, type DealHeader} from '../../src/domain/deals';

const CUSTOM = {
  authMode: 'CUSTOM_FUNCTION',
  trigger: 'custom-function',
} as const;

let shared: LoadedBundle | undefined;

/** One bundle per test file; `now` gives a fresh one whose clock reads that moment. */
export function bundle(now?: Date): LoadedBundle {
  if (now) return loadBundle(createEmulator({now}));
  shared ??= loadBundle(createEmulator());
  return shared;
}

export function call(name: string, ...args: unknown[]): unknown {
  return bundle().call(name, args, CUSTOM);
}

export function callAt(now: Date, name: string, ...args: unknown[]): unknown {
  return bundle(now).call(name, args, CUSTOM);
}

/**
 * The error a call throws. Errors from the vm are of another realm, so the
 * check is on name and message, not instanceof.
 */
export function errorOf(name: string, ...args: unknown[]): Error {
  try {
    call(name, ...args);
  } catch (err) {
    const e = err as Error;
    expect(e.name).toBe('Error');
    expect(e.message.startsWith(`${name}: `)).toBe(true);
    return e;
  }
  throw new Error(`${name} did not throw`);
}

/** A column range as Sheets passes it: one cell per row. */
export const column = (...cells: unknown[]) => cells.map(c => [c]);

/**
 * A date cell as Sheets hands it to a custom function: the instant of that
 * local time in the spreadsheet's zone (the emulator's default, Asia/Tokyo,
 * east of the script's New York), not in the script's.
 */
export const day = (y: number, m: number, d: number, h = 0) =>
  zonedInstant(DEFAULT_SPREADSHEET_TIME_ZONE, y, m, d, h);

export type DealCells = Partial<Record<DealHeader, unknown>>;

/** A deal that passes the gate and fires no signal as of Friday 2026-11-20. */
export const HEALTHY: DealCells = {
  'Deal ID': 'D-1',
  Deal: 'Acme renewal',
  Owner: 'Kim',
  Amount: 120000,
  Stage: 'Negotiation',
  'Forecast Category': 'Commit',
  'Close Date': day(2026, 11, 27),
  'Committed Close Date': day(2026, 11, 27),
  Metrics: true,
  'Economic Buyer': true,
  'Decision Criteria': true,
  'Decision Process': true,
  'Paper Process': true,
  'Identify Pain': true,
  Champion: true,
  Competition: true,
  'Economic Buyer Name': 'Dana Ortiz (CFO)',
  'EB Confirmed On': day(2026, 11, 16),
  'Paper Process Map': 'https://docs.example.com/acme-paper-process',
  'Last Champion Reply': day(2026, 11, 19, 15),
  'Last New Stakeholder': day(2026, 11, 12),
  'Last Procurement Contact': day(2026, 11, 17),
  'Next Step': 'Legal review of MSA redlines',
  'Next Step Due': day(2026, 11, 24),
  Notes: 'Procurement confirmed PO timing.',
};

export const AS_OF = day(2026, 11, 20);

/** A Deals table: header row then one row per deal, blanks as "". */
export function dealsTable(
  deals: DealCells[],
  headers: readonly string[] = DEAL_HEADERS,
): unknown[][] {
  return [
    [...headers],
    ...deals.map(d => headers.map(h => (h in d ? d[h as DealHeader] : ''))),
  ];
}

export const deal = (changes: DealCells = {}): DealCells => ({
  ...HEALTHY,
  ...changes,
});

/** A row of the table's width holding only blanks: the tail of Deals!A1:AD. */
export const blankDeal = (): DealCells => ({});
