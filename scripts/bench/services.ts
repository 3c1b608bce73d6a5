/**
 * Service calls per operation, counted by the emulator through the built
 * bundle: every one is a network round trip in production. Each operation is
 * measured on the sample workbook with 100 and with 10,000 deals: the count
 * must not grow with the data.
 */
import {statSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {CODE_PATH, loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {createEmulator, type Emulator} from '../../emulator';
import {CODE_GOAL_BYTES, CODE_LIMIT_BYTES} from '../build';

/** Friday 20 November 2026, 5 pm in Los Angeles. */
const FRIDAY = new Date('2026-11-21T01:00:00Z');
/** Monday 23 November 2026, 8 am in Los Angeles. */
const MONDAY = new Date('2026-11-23T16:00:00Z');

const SPREADSHEET_PREFIXES = [
  'SpreadsheetApp.',
  'Spreadsheet.',
  'Sheet.',
  'Range.',
  'RangeList.',
  'Protection.',
  'DataValidationBuilder.',
  // The record's head, kept in the spreadsheet's developer metadata.
  'DeveloperMetadataFinder.',
  'DeveloperMetadata.',
];

function spreadsheetCalls(emulator: Emulator): number {
  return SPREADSHEET_PREFIXES.reduce(
    (n, p) => n + emulator.ctx.calls.count(p),
    0,
  );
}

/** Each spreadsheet method's calls, to see where an operation's count goes. */
function byMethod(emulator: Emulator): Map<string, number> {
  return new Map(
    Object.entries(emulator.ctx.calls.snapshot()).filter(([m]) =>
      SPREADSHEET_PREFIXES.some(p => m.startsWith(p)),
    ),
  );
}

/** The calls made since `before`, as "Class.method ×n" by count, most first. */
function breakdown(before: Map<string, number>, after: Map<string, number>) {
  return [...after]
    .map(([m, n]) => [m, n - (before.get(m) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([m, n]) => (n > 1 ? `${m} ×${n}` : m))
    .join(', ');
}

/** Growing a full tab (insertRowsAfter) is one call when a write passes its last row, not a cost per row. */
const inserts = (emulator: Emulator) =>
  emulator.ctx.calls.count('Sheet.insertRowsAfter');

/** The sample workbook grown to `deals` rows by copying its deals under new ids. */
function workbookWithDeals(deals: number, today: string, now: Date): Emulator {
  // The operations' times (MONDAY, …) are Los Angeles times.
  const emulator = sampleWorkbook({
    today,
    emulator: {now, spreadsheetTimeZone: 'America/Los_Angeles'},
  });
  const sheet = emulator.spreadsheet.sheets.find(
    s => s.state.name === 'Deals',
  )!;
  const [header, ...rows] = sheet.state.values;
  const id = header.indexOf('Deal ID');
  const grown = [];
  for (let i = 0; i < deals; i++) {
    const copy = [...rows[i % rows.length]];
    copy[id] = `BENCH${String(i).padStart(6, '0')}`;
    grown.push(copy);
  }
  sheet.state.values = [header, ...grown];
  sheet.state.maxRows = Math.max(sheet.state.maxRows, grown.length + 1);
  return emulator;
}

interface Measure {
  name: string;
  today: string;
  now: Date;
  run: (call: (fn: string) => unknown) => unknown;
  /** Issue 15's ceiling on spreadsheet calls, where it sets one. */
  target?: number;
  /** Runs on a spreadsheet with no tab of the contract, once (no deals to grow). */
  empty?: boolean;
}

const MEASURES: Measure[] = [
  {
    name: 'snapshotWeek (record + email)',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => call('snapshotWeek'),
    target: 30,
  },
  {
    name: 'snapshotWeek again (unchanged)',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => (call('snapshotWeek'), call('snapshotWeek')),
  },
  {
    name: 'runSlipCheck (Monday)',
    today: '2026-11-23',
    now: MONDAY,
    run: call => call('runSlipCheck'),
  },
  {
    name: 'verifyScorecard',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => (call('snapshotWeek'), call('verifyScorecard')),
  },
  {
    name: 'loadSidebar (one round trip)',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => call('loadSidebar'),
    target: 16,
  },
  {
    name: 'setUpWorkbook on a set-up workbook',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => call('setUpWorkbook'),
    target: 40,
  },
  {
    name: 'setUpWorkbook on an empty spreadsheet',
    today: '2026-11-20',
    now: FRIDAY,
    run: call => call('setUpWorkbook'),
    target: 100,
    empty: true,
  },
];

const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

export function benchServices(): string[] {
  const lines = [
    '',
    'Spreadsheet service calls per operation (100 deals → 10,000 deals; Utilities.formatDate calls; time at 10,000):',
  ];
  for (const m of MEASURES) {
    const counts: number[] = [];
    const grown: number[] = [];
    let formatDates = 0;
    let ms = 0;
    let where = '';
    for (const deals of m.empty ? [0] : [100, 10_000]) {
      const emulator = m.empty
        ? createEmulator({now: m.now})
        : workbookWithDeals(deals, m.today, m.now);
      const bundle = loadBundle(emulator);
      // Set-up cost of the measure (a first snapshot) is excluded by counting only the last call.
      let before = 0;
      let insertsBefore = 0;
      let formatDatesBefore = 0;
      let methodsBefore = new Map<string, number>();
      const t0 = performance.now();
      m.run(fn => {
        before = spreadsheetCalls(emulator);
        methodsBefore = byMethod(emulator);
        insertsBefore = inserts(emulator);
        formatDatesBefore = emulator.ctx.calls.count('Utilities.formatDate');
        return bundle.call(fn, [], {trigger: 'menu'});
      });
      ms = performance.now() - t0;
      counts.push(spreadsheetCalls(emulator) - before);
      grown.push(inserts(emulator) - insertsBefore);
      formatDates =
        emulator.ctx.calls.count('Utilities.formatDate') - formatDatesBefore;
      where = breakdown(methodsBefore, byMethod(emulator));
    }
    const last = counts[counts.length - 1];
    const extra = grown[grown.length - 1] - grown[0];
    const flag = m.empty
      ? 'once'
      : counts[0] === counts[1]
        ? 'flat'
        : counts[1] - counts[0] === extra
          ? `flat but for ${extra} insertRowsAfter (tabs past their 1,000 rows)`
          : 'GROWS WITH ROWS';
    const range = m.empty
      ? String(last).padStart(11)
      : `${String(counts[0]).padStart(4)} → ${String(counts[1]).padStart(4)}`;
    const target =
      m.target === undefined
        ? ''
        : `  target ≤ ${m.target}: ${verdict(counts.every(n => n <= m.target!) && flag !== 'GROWS WITH ROWS')}`;
    lines.push(
      `  ${m.name.padEnd(38)} ${range}  ${flag}, ${formatDates} formatDate  (${ms.toFixed(0)} ms in the emulator)${target}`,
      `      ${where}`,
    );
  }
  return lines;
}

export function benchBundle(): string[] {
  const bytes = statSync(CODE_PATH).size;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    '',
    `dist/Code.js: ${kb(bytes)} (goal ${kb(CODE_GOAL_BYTES)}: ${verdict(bytes <= CODE_GOAL_BYTES)}; hard limit ${kb(CODE_LIMIT_BYTES)})`,
  ];
}
