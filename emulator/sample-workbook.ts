/**
 * The sample workbook: the reference case of docs/playbook.md in week 7 of its
 * rebuild, for tests, the benchmark and `npm start`. The real set-up runs
 * first through the built bundle (so the sample has the real headers,
 * formats, dropdowns and protection), then the rows are written: 12 weeks of
 * Forecast with the case's variances, about 40 deals from the Maven CRM
 * export with gate and signal states of every kind, three active
 * commitments with six weeks of grades, signals with save-plays, attendance,
 * the case's quarters, the options weighed before the plan, and settings. Every date is relative to the sample's "today".
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
  addDays,
  isoWeekday,
  mondayOf,
  type LocalDate,
} from '../src/domain/calendar';
import {headerKey} from '../src/domain/headers';
import {safeCell} from '../src/domain/safe-text';
import {
  ATTENDANCE,
  COMMITMENTS,
  DEALS,
  FORECAST,
  GRADES_TAB,
  LEADS,
  MEDDPICC,
  OPTIONS,
  QUARTERS,
  SETTINGS_TAB,
  SIGNALS_TAB,
  type Grade,
  type SlipSignal,
  type TabSpec,
} from '../src/domain/workbook';
import {zonedInstant} from './format-date';
import {
  DEFAULT_SPREADSHEET_TIME_ZONE,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
} from './index';
import {loadBundle, readBundle} from './loader';
import {hash, sampleLeads} from './sample-leads';

export const MAVEN_CSV = join(
  __dirname,
  '..',
  '..',
  'shared',
  'data',
  'maven-sales-pipeline.csv',
);

export interface SampleOptions {
  /** The sample's today, a calendar date; default 2026-11-20, the Friday of week 7. */
  today?: LocalDate;
  /** The Monday of week 1; default six weeks before the Monday of today's week. */
  rebuildStart?: LocalDate;
  /** The CRM export the deals are drawn from; a built-in list when it is absent. */
  csvPath?: string;
  /** The bundle that runs set-up (default dist/Code.js). */
  code?: string;
}

export const SAMPLE_TODAY: LocalDate = '2026-11-20';
export const SAMPLE_PEOPLE = {
  cfo: 'cfo@example.com',
  croName: 'Dana Reyes',
  cro: 'cro@example.com',
  cmo: 'cmo@example.com',
} as const;

/** The case's weekly variances: 31, 24, 19, 11, 7, 5%, then held under 5%. */
export const SAMPLE_VARIANCES = [
  0.31, 0.24, 0.19, 0.11, 0.07, 0.05, 0.045, 0.04, 0.035, 0.04, 0.03, 0.03,
];
/** Committed at the start of each week: about $2M a week, a $26.5M quarter. */
const WEEKLY_COMMIT = [
  2_150_000, 2_080_000, 1_990_000, 2_240_000, 2_060_000, 1_930_000, 2_120_000,
  2_050_000, 2_210_000, 1_980_000, 2_300_000, 2_400_000,
];

interface CrmDeal {
  id: string;
  agent: string;
  product: string;
  account: string;
  stage: string;
}

/** A deterministic stand-in for the CRM export when the file is not there. */
function builtInDeals(): CrmDeal[] {
  const agents = [
    'Moses Frase',
    'Darcel Schlecht',
    'Anna Snelling',
    'Vicki Laflamme',
    'Kary Hendrixson',
    'Maureen Marcano',
  ];
  const accounts = [
    'Cancity',
    'Isdom',
    'Codehow',
    'Hatfan',
    'Ron-tech',
    'J-Texon',
    'Konex',
    'Zotware',
    'Treequote',
    'Finjob',
    'Rangreen',
    'Goodsilron',
    'Kan-code',
    'Singletechno',
    'Plussunin',
    'Dontechi',
    'Inity',
    'Funholding',
    'Scotfind',
    'Streethex',
  ];
  const products = [
    'GTX Plus Pro',
    'MG Advanced',
    'GTXPro',
    'GTX Basic',
    'GTK 500',
  ];
  return Array.from({length: 40}, (_, i) => ({
    id: `SMPL${String(1000 + i * 37).padStart(4, '0')}`,
    agent: agents[i % agents.length],
    product: products[(i * 3) % products.length],
    account: accounts[i % accounts.length],
    stage:
      i < 34 ? (i < 26 ? 'Engaging' : 'Prospecting') : i < 38 ? 'Won' : 'Lost',
  }));
}

/** 26 engaging, 8 prospecting, 4 won and 2 lost deals, one per account where the export allows. */
export function crmDeals(csvPath = MAVEN_CSV): CrmDeal[] {
  if (!existsSync(csvPath)) return builtInDeals();
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/).slice(1);
  const all = lines.map(line => {
    const [id, agent, product, account, stage] = line.split(',');
    return {id, agent, product, account, stage};
  });
  const picked: CrmDeal[] = [];
  const accounts = new Set<string>();
  const take = (stage: string, count: number) => {
    let n = 0;
    for (const d of all) {
      if (n === count) break;
      if (d.stage !== stage || d.account === '' || accounts.has(d.account))
        continue;
      accounts.add(d.account);
      picked.push(d);
      n++;
    }
  };
  take('Engaging', 26);
  take('Prospecting', 8);
  take('Won', 4);
  take('Lost', 2);
  return picked.length === 40 ? picked : builtInDeals();
}

/** What one sample row holds, by the contract's headers. */
type Row = Record<string, unknown>;

/**
 * Writes rows under a tab's header (found by header, as the add-on does) in
 * one setValues over the contract's columns, below the last row that has
 * anything in them (the Forecast examples beside the data stay where they are).
 */
function writeRows(emulator: Emulator, tab: TabSpec, rows: Row[]): void {
  if (rows.length === 0) return;
  const sheet = emulator.spreadsheet.exposed().getSheetByName(tab.name);
  if (!sheet)
    throw new Error(`sample workbook: no ${tab.name} tab after set-up`);
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(headerKey);
  const columns = tab.columns.map(c => header.indexOf(headerKey(c.header)));
  const width = Math.max(...columns) + 1;
  let last = values.length;
  while (last > 1 && columns.every(c => values[last - 1][c] === '')) last--;
  const grid = rows.map(row => {
    const line: unknown[] = values[0].slice(0, width).map(() => '');
    for (const [name, value] of Object.entries(row)) {
      const at = header.indexOf(headerKey(name));
      if (at < 0) throw new Error(`sample workbook: no ${name} in ${tab.name}`);
      line[at] = safeCell(value);
    }
    return line;
  });
  // The Leads tab outgrows a new tab's 1,000 rows.
  const rowsNeeded = last + grid.length - sheet.getMaxRows();
  if (rowsNeeded > 0) sheet.insertRowsAfter(sheet.getMaxRows(), rowsNeeded);
  sheet.getRange(last + 1, 1, grid.length, width).setValues(grid);
}

interface Calendar {
  today: LocalDate;
  rebuildStart: LocalDate;
  /** A date cell: midnight of a calendar date in the spreadsheet's zone. */
  day(date: LocalDate): Date;
  at(date: LocalDate, hour: number, minute?: number): Date;
  friday(week: number): LocalDate;
  /** Weeks whose Friday is today or before. */
  weeksDone: number;
}

function calendar(
  timeZone: string,
  today: LocalDate,
  start: LocalDate,
): Calendar {
  const at = (date: LocalDate, hour: number, minute = 0) => {
    const [y, m, d] = date.split('-').map(Number);
    return zonedInstant(timeZone, y, m, d, hour, minute);
  };
  const friday = (week: number) => addDays(start, 7 * (week - 1) + 4);
  let weeksDone = 0;
  while (friday(weeksDone + 1) <= today) weeksDone++;
  return {
    today,
    rebuildStart: start,
    day: d => at(d, 0),
    at,
    friday,
    weeksDone,
  };
}

function forecastRows(cal: Calendar): Row[] {
  return SAMPLE_VARIANCES.map((variance, i) => {
    const week = i + 1;
    const row: Row = {Week: week, 'Week Ending': cal.day(cal.friday(week))};
    if (week <= cal.weeksDone) {
      const committed = WEEKLY_COMMIT[i];
      // The miss weeks under-deliver; from week 7 the conservative commit is beaten.
      const sign = week <= 6 ? -1 : 1;
      row.Committed = committed;
      row.Closed =
        Math.round((committed * (1 + sign * variance)) / 1000) * 1000;
    }
    return row;
  });
}

const STAGES: Record<string, string[]> = {
  Commit: ['Negotiation', 'Proposal'],
  'Best Case': ['Proposal', 'Evaluation'],
  Pipeline: ['Discovery', 'Evaluation'],
  'Closed Won': ['Closed Won'],
  'Closed Lost': ['Closed Lost'],
};

/** What is special about each Commit deal: which gate condition it lacks or which signal it shows. */
const COMMIT_STORY: Array<{
  lacks?: 'Champion' | 'eb-stale' | 'paper-map' | 'eb-name';
  signals?: SlipSignal[];
}> = [
  {},
  {},
  {},
  {},
  {},
  {},
  {lacks: 'Champion'},
  {lacks: 'eb-stale'},
  {lacks: 'paper-map', signals: ['hedged language']},
  {lacks: 'eb-name'},
  {signals: ['champion latency']},
  {signals: ['close-date micro-slip']},
  {signals: ['hedged language', 'broken next step']},
  {signals: ['silent procurement', 'no new stakeholders']},
];

const BUYERS = [
  'Priya Natarajan',
  'Tom Becker',
  'Alicia Gomez',
  'Marcus Lee',
  'Hannah Okafor',
  'Sven Larsen',
  'Grace Liu',
];

function dealRows(cal: Calendar, deals: CrmDeal[]): Row[] {
  const t = cal.today;
  return deals.map((d, i) => {
    const category =
      i < 14
        ? 'Commit'
        : i < 24
          ? 'Best Case'
          : i < 34
            ? 'Pipeline'
            : i < 38
              ? 'Closed Won'
              : 'Closed Lost';
    const h = hash(d.id);
    const amount = (15 + (h % 106)) * 10_000; // $150k to $1.2M
    const stages = STAGES[category];
    const open = !category.startsWith('Closed');
    const close = open
      ? addDays(t, 7 + (h % 5) * 7 + 4 - isoWeekday(t))
      : addDays(t, -((h % 20) + 3));
    const row: Row = {
      'Deal ID': d.id,
      Deal: `${d.account} — ${d.product}`,
      Owner: d.agent,
      Amount: amount,
      Stage: stages[h % stages.length],
      'Forecast Category': category,
      'Close Date': cal.day(close),
      'Last Champion Reply': cal.at(addDays(t, -1), 10, 30),
      'Last New Stakeholder': cal.day(addDays(t, -6)),
      'Last Procurement Contact': cal.day(addDays(t, -3)),
      'Next Step': 'Review the order form with legal',
      'Next Step Due': cal.day(addDays(t, 4)),
      Notes: '',
      // Opened one to four months before it closes (or, open, before today): velocity's days to close.
      'Created On': cal.day(addDays(open ? t : close, -(30 + (h % 90)))),
    };
    // Outside Commit the MEDDPICC picture fills in with the stage; the first
    // Best Case deal is fully qualified: the defensible commit's upside.
    const upside = i === 14;
    const documented =
      category === 'Commit' || upside
        ? 8
        : category === 'Pipeline'
          ? 2 + (h % 3)
          : 4 + (h % 4);
    MEDDPICC.forEach((name, j) => {
      row[name] = j < documented;
    });
    if (category !== 'Commit' && !upside) return row;

    const story = COMMIT_STORY[i] ?? {};
    if (!upside) row['Committed Close Date'] = cal.day(close);
    row['Economic Buyer Name'] = BUYERS[i % BUYERS.length];
    row['EB Confirmed On'] = cal.day(addDays(t, -((h % 10) + 1)));
    row['Paper Process Map'] = `https://docs.example.com/paper-process/${d.id}`;
    if (story.lacks === 'Champion') row.Champion = false;
    if (story.lacks === 'eb-stale')
      row['EB Confirmed On'] = cal.day(addDays(t, -30));
    if (story.lacks === 'paper-map') row['Paper Process Map'] = '';
    if (story.lacks === 'eb-name') row['Economic Buyer Name'] = '';
    for (const signal of story.signals ?? []) {
      if (signal === 'champion latency')
        row['Last Champion Reply'] = cal.at(addDays(t, -4), 16, 0);
      if (signal === 'close-date micro-slip')
        row['Close Date'] = cal.day(addDays(close, 9));
      if (signal === 'hedged language')
        row.Notes =
          'Hopefully signs this quarter; waiting to hear from procurement.';
      if (signal === 'broken next step')
        row['Next Step Due'] = cal.day(addDays(t, -5));
      if (signal === 'silent procurement')
        row['Last Procurement Contact'] = cal.day(addDays(t, -21));
      if (signal === 'no new stakeholders')
        row['Last New Stakeholder'] = cal.day(addDays(t, -24));
    }
    return row;
  });
}

const COMMITMENTS_ROWS: Row[] = [
  {
    'Commitment ID': 'C1',
    Commitment: 'Every Commit deal passes the qualification gate',
    Metric: 'Gate compliance of Commit deals, Friday',
    Target: '100% by week 8',
    Owner: SAMPLE_PEOPLE.croName,
    Active: true,
  },
  {
    'Commitment ID': 'C2',
    Commitment: 'A save-play for every signalled deal, every week',
    Metric: 'Save-play execution rate',
    Target: '80% or more',
    Owner: 'RevOps',
    Active: true,
  },
  {
    'Commitment ID': 'C3',
    Commitment: 'Call the week within 5%',
    Metric: 'Weekly forecast variance',
    Target: '5% or less by week 12',
    Owner: SAMPLE_PEOPLE.croName,
    Active: true,
  },
  {
    'Commitment ID': 'C4',
    Commitment: 'Pipeline review with every rep (replaced by C2)',
    Metric: 'Reviews held',
    Target: 'Weekly',
    Owner: 'Sales managers',
    Active: false,
  },
];

const GRADE_PLAN: Record<string, Grade[]> = {
  C1: ['Red', 'Red', 'Yellow', 'Yellow', 'Green', 'Yellow'],
  C2: ['Yellow', 'Red', 'Yellow', 'Green', 'Green', 'Green'],
  C3: ['Red', 'Red', 'Red', 'Yellow', 'Yellow', 'Green'],
};
const REASONS: Record<string, string> = {
  C1: 'Commit deals entered without a confirmed economic buyer',
  C2: 'Save-plays named on Monday but not run by Thursday',
  C3: 'Two late-stage deals slipped past Friday',
};
const ACTIONS: Record<string, string> = {
  C1: 'Gate review on Tuesday before any deal enters Commit',
  C2: 'Owners report each save-play in Thursday stand-up',
  C3: 'Call the number on Monday from Commit deals only',
};

function gradeRows(cal: Calendar): Row[] {
  const rows: Row[] = [];
  for (let week = 1; week <= Math.min(6, cal.weeksDone); week++) {
    for (const id of ['C1', 'C2', 'C3']) {
      const grade = GRADE_PLAN[id][week - 1];
      rows.push({
        'Week Ending': cal.day(cal.friday(week)),
        'Commitment ID': id,
        Grade: grade,
        Reason: grade === 'Green' ? '' : REASONS[id],
        'Next Action': ACTIONS[id],
        'Graded By': SAMPLE_PEOPLE.cro,
        'Graded At': cal.at(cal.friday(week), 15, 30),
      });
    }
  }
  return rows;
}

/** Signals fired per week (declining) and save-plays executed. */
const SIGNAL_WEEKS = [
  [7, 4],
  [7, 5],
  [6, 5],
  [6, 5],
  [5, 5],
  [4, 4],
  [3, 2],
];
const SIGNAL_NAMES: SlipSignal[] = [
  'champion latency',
  'close-date micro-slip',
  'no new stakeholders',
  'silent procurement',
  'hedged language',
  'broken next step',
  'MEDDPICC stagnation',
];
const SAVE_PLAYS: Record<SlipSignal, string> = {
  'champion latency': 'Exec-to-exec call to re-engage the champion',
  'close-date micro-slip': 'Mutual close plan re-signed with the buyer',
  'no new stakeholders': 'Multi-thread: meet the CFO and head of IT',
  'silent procurement': 'Procurement kickoff call booked by the owner',
  'hedged language': 'Ask the champion for the signature date in writing',
  'broken next step': 'Replace the next step with a dated meeting',
  'MEDDPICC stagnation': 'Qualification review with the sales manager',
};

function signalRows(cal: Calendar, deals: Row[]): Row[] {
  const commit = deals.filter(d => d['Forecast Category'] === 'Commit');
  const rows: Row[] = [];
  let n = 0;
  SIGNAL_WEEKS.slice(0, cal.weeksDone).forEach(([fired, executed], w) => {
    const monday = addDays(cal.rebuildStart, 7 * w);
    for (let k = 0; k < fired; k++, n++) {
      const deal = commit[(n * 5) % commit.length];
      const signal = SIGNAL_NAMES[(n * 3) % SIGNAL_NAMES.length];
      const done = k < executed;
      // About 60% of executed save-plays won back the original close date.
      const outcome = !done
        ? ''
        : n % 5 < 3
          ? 'Recovered the original close date'
          : 'Slipped to next quarter';
      rows.push({
        'Logged At': cal.at(monday, 9, 0),
        'Deal ID': deal['Deal ID'],
        Signal: signal,
        Source: k === fired - 1 && w % 2 === 1 ? 'manual' : 'auto',
        Note: `${signal} on ${String(deal.Deal)}`,
        'Save Play': SAVE_PLAYS[signal],
        'Save Play Owner': deal.Owner,
        'Save Play Executed On': done
          ? cal.day(addDays(monday, 1 + (k % 3)))
          : '',
        Outcome: monday === mondayOf(cal.today) ? '' : outcome,
      });
    }
  });
  return rows;
}

function attendanceRows(cal: Calendar): Row[] {
  const attended = [8, 9, 10, 11, 11, 12];
  return attended.slice(0, Math.min(6, cal.weeksDone)).map((a, i) => ({
    'Week Ending': cal.day(cal.friday(i + 1)),
    Invited: 12,
    Attended: a,
  }));
}

/** The Leads tab: Olist's real cadence, its December dip in the last complete weeks (sample-leads.ts). */
function leadRows(cal: Calendar): Row[] {
  const monday = mondayOf(cal.today);
  return sampleLeads(addDays(monday, -7), cal.today).map(l => ({
    'Lead ID': l.id,
    'Created On': cal.day(l.qualified),
    Source: l.source,
    'Qualified On': cal.day(l.qualified),
    'Pipeline On': l.pipeline ? cal.day(l.pipeline) : '',
    'Deal ID': l.dealId ?? '',
    Amount: l.amount ?? '',
  }));
}

/**
 * The early warning and the weekly table beside the leads, so `npm start`
 * shows them computed: room for five sentences above the table.
 */
function leadFormulas(emulator: Emulator): void {
  const sheet = emulator.spreadsheet.exposed().getSheetByName(LEADS.name)!;
  sheet.getRange('I1').setFormula('=EARLY_WARNING(A1:G, Deals!A1:Z)');
  sheet.getRange('I7').setFormula('=LEADING_INDICATORS(A1:G, Deals!A1:Z)');
}

/** The last day of the month `months` after the month of `date`. */
function monthEnd(date: LocalDate, months: number): LocalDate {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}

/**
 * The case's quarters (docs/playbook.md): the Q2 miss, the conservative Q3
 * and the Q4 raise. Fiscal quarters, the missed one ending the month before
 * the rebuild starts. The whole case is there, Q3 and Q4 actuals included,
 * though the sample's today falls in Q3, so REINFLATION_CHECK shows both
 * verdicts; the playbook gives no plans, so Plan is left blank.
 */
function quarterRows(cal: Calendar): Row[] {
  const CASE: [string, number, number][] = [
    ['Q2 FY27', 33_000_000, 24_100_000],
    ['Q3 FY27', 26_500_000, 28_300_000],
    ['Q4 FY27', 32_000_000, 33_700_000],
  ];
  return CASE.map(([quarter, commit, actual], i) => ({
    Quarter: quarter,
    'Quarter End': cal.day(monthEnd(cal.rebuildStart, 3 * i - 1)),
    Commit: commit,
    Actual: actual,
  }));
}

/** The options weighed before the plan; the chosen three became C1 to C3. */
const OPTION_ROWS: Row[] = [
  {Option: 'Hire two more SDRs', Impact: 2, Effort: 4, Owner: 'CRO'},
  {
    Option: 'Gate review before any deal enters Commit',
    Impact: 5,
    Effort: 2,
    Owner: SAMPLE_PEOPLE.croName,
    Chosen: true,
  },
  {
    Option: 'Weekly pipeline review with every rep',
    Impact: 3,
    Effort: 3,
    Owner: 'Sales managers',
  },
  {
    Option: 'Call the number on Monday from Commit deals only',
    Impact: 5,
    Effort: 3,
    Owner: SAMPLE_PEOPLE.croName,
    Chosen: true,
  },
  {
    Option: 'A named save-play for every signalled deal',
    Impact: 4,
    Effort: 2,
    Owner: 'RevOps',
    Chosen: true,
  },
  {
    Option: 'Replace the CRM forecast module',
    Impact: 3,
    Effort: 5,
    Owner: 'RevOps',
  },
];

/**
 * Live formulas beside the quarter's tabs, as an analyst would add them: the
 * re-inflation guard next to each quarter, the options ranked beside the
 * list. Columns are found by header; each formula goes after the last one.
 */
function quarterFormulas(emulator: Emulator, quarters: number): void {
  const ss = emulator.spreadsheet.exposed();
  const letter = (tab: TabSpec, header: string) => {
    const row = ss.getSheetByName(tab.name)!.getDataRange().getValues()[0];
    return String.fromCharCode(
      65 + row.map(headerKey).indexOf(headerKey(header)),
    );
  };
  /** A formula in row 2 under its label, or in row 1 when it titles its own result. */
  const beside = (tab: TabSpec, formula: string, label?: string) => {
    const sheet = ss.getSheetByName(tab.name)!;
    const column = sheet.getLastColumn() + 1;
    if (label) sheet.getRange(1, column).setValue(label);
    sheet.getRange(label ? 2 : 1, column).setFormula(formula);
  };
  const [commit, actual] = ['Commit', 'Actual'].map(h => letter(QUARTERS, h));
  const last = quarters + 1;
  beside(
    QUARTERS,
    `=REINFLATION_CHECK(${commit}2:${commit}${last}, ${actual}2:${actual}${last})`,
    'Re-inflation Check',
  );
  const end = letter(OPTIONS, 'Chosen');
  beside(OPTIONS, `=OPTIONS_RANK(A1:${end}${OPTION_ROWS.length + 1})`);
}

/** Fills in the people and the rebuild's start in the Settings tab that set-up wrote. */
function fillSettings(emulator: Emulator, cal: Calendar): void {
  const sheet = emulator.spreadsheet
    .exposed()
    .getSheetByName(SETTINGS_TAB.name)!;
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(headerKey);
  const [nameAt, valueAt] = [
    header.indexOf('setting'),
    header.indexOf('value'),
  ];
  const wanted: Record<string, unknown> = {
    'CFO Email': SAMPLE_PEOPLE.cfo,
    'CRO Name': SAMPLE_PEOPLE.croName,
    'CRO Email': SAMPLE_PEOPLE.cro,
    'CMO Email': SAMPLE_PEOPLE.cmo,
    'Rebuild Start': cal.day(cal.rebuildStart),
  };
  const column = values.map((row, r) =>
    r === 0 ? [row[valueAt]] : [wanted[String(row[nameAt])] ?? row[valueAt]],
  );
  sheet
    .getRange(1, valueAt + 1, column.length, 1)
    .setValues(column.map(r => r.map(safeCell)));
}

/**
 * Fills an emulator with the sample workbook: the real set-up through the
 * bundle, then the reference case's rows. The call counter, alerts and
 * write log start empty afterwards, so tests measure only what they run.
 */
export function fillSampleWorkbook(
  emulator: Emulator,
  options: SampleOptions = {},
): Emulator {
  const today = options.today ?? SAMPLE_TODAY;
  const start = options.rebuildStart ?? addDays(mondayOf(today), -42);
  const cal = calendar(
    emulator.spreadsheet.getSpreadsheetTimeZone(),
    today,
    start,
  );
  loadBundle(emulator, options.code ?? readBundle()).call('setUpWorkbook', [], {
    trigger: 'menu',
  });
  const deals = dealRows(cal, crmDeals(options.csvPath));
  emulator.run({trigger: 'menu'}, () => {
    writeRows(emulator, FORECAST, forecastRows(cal));
    writeRows(emulator, DEALS, deals);
    writeRows(emulator, COMMITMENTS, COMMITMENTS_ROWS);
    writeRows(emulator, GRADES_TAB, gradeRows(cal));
    writeRows(emulator, SIGNALS_TAB, signalRows(cal, deals));
    writeRows(emulator, ATTENDANCE, attendanceRows(cal));
    writeRows(emulator, LEADS, leadRows(cal));
    leadFormulas(emulator);
    const quarters = quarterRows(cal);
    writeRows(emulator, QUARTERS, quarters);
    writeRows(emulator, OPTIONS, OPTION_ROWS);
    quarterFormulas(emulator, quarters.length);
    fillSettings(emulator, cal);
  });
  emulator.ui.alerts.length = 0;
  emulator.ctx.calls.reset();
  const writes = (emulator.ctx as {writes?: unknown[]}).writes;
  if (writes) writes.length = 0;
  return emulator;
}

/** A fresh emulator holding the sample workbook, its clock at 3 pm on the sample's today. */
export function sampleWorkbook(
  options: SampleOptions & {emulator?: EmulatorOptions} = {},
): Emulator {
  const today = options.today ?? SAMPLE_TODAY;
  const timeZone =
    options.emulator?.spreadsheetTimeZone ?? DEFAULT_SPREADSHEET_TIME_ZONE;
  const [y, m, d] = today.split('-').map(Number);
  const emulator = createEmulator({
    now: zonedInstant(timeZone, y, m, d, 15, 0),
    ...options.emulator,
    spreadsheetTimeZone: timeZone,
  });
  return fillSampleWorkbook(emulator, options);
}
