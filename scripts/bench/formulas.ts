/**
 * Benchmark of the custom functions through the built bundle in the bare vm
 * loader: time per call of FORECAST_VARIANCE, GATE_CHECK, SLIP_SIGNALS,
 * GATE_COMPLIANCE, DEFENSIBLE_COMMIT and COMMIT_BREAKDOWN on Deals tables of
 * 1,000, 10,000 and 100,000 rows, and the ratio to a hand-written minimal loop over the same arrays. The tables come
 * from the Maven CRM export (real stage mix, dates and blanks), repeated and
 * perturbed to size, with deterministic pseudo-random MEDDPICC and activity.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import vm from 'node:vm';
import {createEmulator} from '../../emulator';
import {loadBundle, type LoadedBundle} from '../../emulator/loader';
import {build} from '../build';
import {DEAL_HEADERS, type DealHeader} from '../../src/domain/deals';
import {MEDDPICC} from '../../src/domain/workbook';
import {median} from './load';
import {benchLeads} from './leads';
import {benchQuarters} from './quarters';

// The shared data sits beside the repository, or beside the folder of git worktrees.
const CSV = [
  join(__dirname, '..', '..', '..', 'shared'),
  join(__dirname, '..', '..', '..', '..', 'shared'),
]
  .map(dir => join(dir, 'data', 'maven-sales-pipeline.csv'))
  .find(path => existsSync(path))!;
const SIZES = [1000, 10000, 100000];
const BUDGET_MS = 1000;
/** Issue 15: the gate and the signals within twice a hand-written loop's time. */
const RATIO_TARGET = 2;
/** Issue 15's two held to the ratio target; issue 13 holds the defensible commit's two to the budget too. */
const TARGETED = ['GATE_CHECK', 'SLIP_SIGNALS'];
const BUDGETED = [...TARGETED, 'DEFENSIBLE_COMMIT', 'COMMIT_BREAKDOWN'];
const DAY = 86400000;
/** The Friday the tables are evaluated on. */
const AS_OF = new Date(2026, 10, 20);

interface CrmRow {
  id: string;
  agent: string;
  product: string;
  account: string;
  stage: string;
  engage: string;
  close: string;
  value: string;
}

function readCrm(): CrmRow[] {
  const [, ...lines] = readFileSync(CSV, 'utf8').trim().split(/\r?\n/);
  return lines.map(line => {
    const [id, agent, product, account, stage, engage, close, value] =
      line.split(',');
    return {id, agent, product, account, stage, engage, close, value};
  });
}

/** mulberry32: a small deterministic generator, so every run measures the same tables. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEXT_STEPS = [
  'Legal review of MSA redlines',
  'Security questionnaire back to IT',
  'Pricing call with procurement',
  'Hopefully get the PO next week',
  'Waiting to hear from the CFO',
  'Exec sponsor meeting',
  '',
];
const NOTES = [
  'Budget confirmed for this quarter.',
  'Should close by month end.',
  'Champion moved teams; new contact introduced.',
  'Competitor still in the running, might slip.',
  'Signed order form pending countersignature.',
  '',
];

/**
 * A Deals table of `size` rows (plus the header): the CRM export's rows in
 * turn, each pass shifted by a few days and with fresh pseudo-random fields.
 */
export function dealsTable(
  size: number,
  crm = readCrm(),
  seed = 7,
): unknown[][] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(rand() * list.length)];
  const daysFromAsOf = (days: number, hours = 0) =>
    new Date(AS_OF.getTime() + days * DAY + hours * 3600000);
  // The export runs 2016–2017; ten years on puts its close dates around the as-of date.
  const shifted = (iso: string, pass: number) => {
    if (!iso) return '';
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y + 10, m - 1, d + (pass % 5));
  };
  const table: unknown[][] = [[...DEAL_HEADERS]];
  for (let i = 0; i < size; i++) {
    const src = crm[i % crm.length];
    const pass = Math.floor(i / crm.length);
    const category =
      src.stage === 'Won'
        ? 'Closed Won'
        : src.stage === 'Lost'
          ? 'Closed Lost'
          : src.stage === 'Prospecting'
            ? 'Pipeline'
            : rand() < 0.6
              ? 'Commit'
              : 'Best Case';
    const open = src.stage === 'Engaging' || src.stage === 'Prospecting';
    const close = open
      ? daysFromAsOf(Math.floor(rand() * 40) - 5)
      : shifted(src.close, pass);
    const documented = category === 'Commit' ? 0.93 : 0.6;
    const cells: Partial<Record<DealHeader, unknown>> = {
      'Deal ID': pass === 0 ? src.id : `${src.id}-${pass}`,
      Deal: `${src.account || 'Unassigned'} ${src.product}`,
      Owner: src.agent,
      // The export has values for closed deals only; an open one gets a steady stand-in.
      Amount:
        src.value !== ''
          ? Number(src.value)
          : open
            ? 500 + ((i * 7919) % 9500)
            : '',
      Stage: src.stage,
      'Forecast Category': category,
      'Close Date': close,
      'Committed Close Date':
        category === 'Commit' && close instanceof Date
          ? new Date(
              close.getTime() -
                (rand() < 0.2 ? Math.ceil(rand() * 10) : 0) * DAY,
            )
          : '',
      'Economic Buyer Name':
        rand() < 0.95 ? `EB at ${src.account || 'account'}` : '',
      'EB Confirmed On':
        rand() < 0.97 ? daysFromAsOf(-Math.floor(rand() * 25)) : '',
      'Paper Process Map':
        rand() < 0.85 ? `https://docs.example.com/paper/${src.id}` : false,
      'Last Champion Reply': daysFromAsOf(
        -Math.floor(rand() * 5),
        -Math.floor(rand() * 24),
      ),
      'Last New Stakeholder': daysFromAsOf(-Math.floor(rand() * 20)),
      'Last Procurement Contact':
        rand() < 0.9 ? daysFromAsOf(-Math.floor(rand() * 20)) : '',
      'Next Step': pick(NEXT_STEPS),
      'Next Step Due': daysFromAsOf(Math.floor(rand() * 15) - 4),
      Notes: pick(NOTES),
    };
    for (const element of MEDDPICC) cells[element] = rand() < documented;
    table.push(DEAL_HEADERS.map(h => cells[h] ?? ''));
  }
  return table;
}

/** Committed and closed columns of `size` weekly rows, from the export's deal values. */
function forecastColumns(size: number, crm: CrmRow[]) {
  const rand = random(11);
  const committed: number[][] = [];
  const closed: number[][] = [];
  for (let i = 0; i < size; i++) {
    const value = Number(crm[i % crm.length].value) || 1000;
    const commit = value * 100 + 1;
    committed.push([commit]);
    closed.push([Math.round(commit * (0.7 + rand() * 0.5))]);
  }
  return {committed, closed};
}

// ------------------------------------------------------------ minimal loops
// What a person would write by hand for one table with known columns: no
// header matching by name, no validation, no error messages. Evaluated in the
// bundle's own vm context, so both sides pay the same runtime's costs.

const MINIMAL_LOOPS = `(() => {
  const DAY = 86400000;
  const MEDDPICC = ${JSON.stringify(MEDDPICC)};
  const localDay = d => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
  const businessDaysAfter = (from, to) => {
    let n = 0;
    for (let d = from + 1; d <= to; d++) if ((d + 3) % 7 < 5) n++;
    return n;
  };
  const gateMissing = (row, c, asOfDay) => {
    const missing = [];
    for (const e of MEDDPICC) if (row[c[e]] !== true) missing.push(e);
    if (row[c['Economic Buyer Name']] === '') missing.push('Economic Buyer name');
    const eb = row[c['EB Confirmed On']];
    if (eb === '') missing.push('EB confirmation');
    else if (asOfDay - localDay(eb) > 14) missing.push('EB confirmation older than 14 days');
    const map = row[c['Paper Process Map']];
    if (map === '' || map === false) missing.push('paper-process map');
    return missing;
  };
  const hedge = /\\b(hopefully|should close|might|waiting to hear|fingers crossed)\\b/i;
  const signalsFired = (r, c, asOf, asOfDay) => {
    const fired = [];
    const reply = r[c['Last Champion Reply']];
    if (reply === '' || asOf.getTime() - reply.getTime() > 48 * 3600000) fired.push('champion latency');
    const close = r[c['Close Date']], committed = r[c['Committed Close Date']];
    if (close !== '' && committed !== '' && localDay(close) > localDay(committed)) fired.push('close-date micro-slip');
    const stake = r[c['Last New Stakeholder']], proc = r[c['Last Procurement Contact']];
    if (stake === '' || businessDaysAfter(localDay(stake), asOfDay) >= 10) fired.push('no new stakeholders');
    if (proc === '' || businessDaysAfter(localDay(proc), asOfDay) >= 10) fired.push('silent procurement');
    const step = r[c['Next Step']], due = r[c['Next Step Due']];
    if (hedge.test(r[c['Notes']]) || hedge.test(step)) fired.push('hedged language');
    if (step === '' || (due !== '' && localDay(due) < asOfDay)) fired.push('broken next step');
    return fired;
  };
  const closed = v => v === 'Closed Won' || v === 'Closed Lost';
  return {
    variance(committed, closedAmounts) {
      const out = new Array(committed.length);
      for (let i = 0; i < committed.length; i++) {
        const c = committed[i][0];
        out[i] = [Math.abs(closedAmounts[i][0] - c) / c];
      }
      return out;
    },
    gateCheck(table, c, asOf) {
      const asOfDay = localDay(asOf);
      const out = [['Gate']];
      for (let i = 1; i < table.length; i++) {
        const row = table[i];
        if (closed(row[c['Forecast Category']])) { out.push(['']); continue; }
        const missing = gateMissing(row, c, asOfDay);
        out.push([missing.length === 0 ? 'PASS' : 'FAIL: ' + missing.join(', ')]);
      }
      return out;
    },
    gateCompliance(table, c, asOf) {
      const asOfDay = localDay(asOf);
      let commits = 0, passing = 0;
      for (let i = 1; i < table.length; i++) {
        if (table[i][c['Forecast Category']] !== 'Commit') continue;
        commits++;
        if (gateMissing(table[i], c, asOfDay).length === 0) passing++;
      }
      return commits === 0 ? '' : passing / commits;
    },
    slipSignals(table, c, asOf) {
      const asOfDay = localDay(asOf);
      const out = [['Slip Signals']];
      for (let i = 1; i < table.length; i++) {
        const r = table[i];
        if (closed(r[c['Forecast Category']])) { out.push(['']); continue; }
        out.push([signalsFired(r, c, asOf, asOfDay).join(', ')]);
      }
      return out;
    },
    defensibleCommit(table, c, asOf) {
      const asOfDay = localDay(asOf);
      let sum = 0;
      for (let i = 1; i < table.length; i++) {
        const r = table[i];
        if (r[c['Forecast Category']] !== 'Commit') continue;
        if (gateMissing(r, c, asOfDay).length === 0 && signalsFired(r, c, asOf, asOfDay).length < 2) sum += r[c['Amount']];
      }
      return sum;
    },
    commitBreakdown(table, c, asOf) {
      const asOfDay = localDay(asOf);
      const out = [['Deal ID', 'Deal', 'Amount', 'In Defensible Commit', 'Why Not', 'Upside']];
      for (let i = 1; i < table.length; i++) {
        const r = table[i];
        const category = r[c['Forecast Category']];
        if (category !== 'Commit' && category !== 'Best Case') continue;
        const missing = gateMissing(r, c, asOfDay);
        const fired = signalsFired(r, c, asOf, asOfDay);
        const commit = category === 'Commit';
        const why = commit ? [] : ['Best Case, not Commit'];
        if (missing.length > 0) why.push('fails the gate: ' + missing.join(', '));
        if (fired.length > 1) why.push(fired.length + ' slip signals: ' + fired.join(', '));
        const inCommit = commit && missing.length === 0 && fired.length < 2;
        out.push([r[c['Deal ID']], r[c['Deal']], r[c['Amount']], inCommit ? 'YES' : 'NO', why.join('; '), !commit && missing.length === 0 ? 'YES' : 'NO']);
      }
      return out;
    },
  };
})()`;

interface MinimalLoops {
  variance(committed: number[][], closed: number[][]): unknown;
  gateCheck(
    table: unknown[][],
    columns: Record<string, number>,
    asOf: Date,
  ): unknown;
  gateCompliance(
    table: unknown[][],
    columns: Record<string, number>,
    asOf: Date,
  ): unknown;
  slipSignals(
    table: unknown[][],
    columns: Record<string, number>,
    asOf: Date,
  ): unknown;
  defensibleCommit(
    table: unknown[][],
    columns: Record<string, number>,
    asOf: Date,
  ): unknown;
  commitBreakdown(
    table: unknown[][],
    columns: Record<string, number>,
    asOf: Date,
  ): unknown;
}

/** Column index by header, known in advance as a hand-written loop would hard-code it. */
const columnsOf = (table: unknown[][]) =>
  Object.fromEntries(table[0].map((h, i) => [String(h), i]));

// ------------------------------------------------------------ timing

/**
 * Median wall times of a formula and its minimal loop, sampled in turn (at
 * least 3 pairs, about 3 s at most): a busy machine slows both alike, so
 * their ratio holds even when the times do not.
 */
function timePairMs(a: () => unknown, b: () => unknown): [number, number] {
  a(); // warm-up: compile and settle the first call
  b();
  const samples: [number[], number[]] = [[], []];
  const started = performance.now();
  while (
    samples[0].length < 3 ||
    (samples[0].length < 25 && performance.now() - started < 3000)
  ) {
    [a, b].forEach((fn, k) => {
      const t = performance.now();
      fn();
      samples[k].push(performance.now() - t);
    });
  }
  return [median(samples[0]), median(samples[1])];
}

const ms = (n: number) =>
  (n < 10 ? n.toFixed(2) : n.toFixed(0)).padStart(6) + ' ms';

export async function benchFormulas(): Promise<string[]> {
  const lines: string[] = [];
  try {
    await build({quiet: true});
  } catch (err) {
    // The bundle is written before the size check: measure it, and say it is over budget.
    lines.push(`note: ${(err as Error).message}`);
  }
  // The tables' dates are built on the script's clock (new Date(y, m, d)): a
  // spreadsheet in the script's zone makes them midnights, as Sheets hands them.
  const bundle: LoadedBundle = loadBundle(
    createEmulator({now: AS_OF, spreadsheetTimeZone: 'America/New_York'}),
  );
  const custom = {
    authMode: 'CUSTOM_FUNCTION',
    trigger: 'custom-function',
  } as const;
  const call = (name: string, ...args: unknown[]) =>
    bundle.call(name, args, custom);
  const crm = readCrm();
  const minimal = vm.runInContext(
    MINIMAL_LOOPS,
    bundle.context,
  ) as MinimalLoops;

  const cases: [
    string,
    (
      t: unknown[][],
      f: ReturnType<typeof forecastColumns>,
    ) => [() => unknown, () => unknown],
  ][] = [
    [
      'FORECAST_VARIANCE',
      (_, f) => [
        () => call('FORECAST_VARIANCE', f.committed, f.closed),
        () => minimal.variance(f.committed, f.closed),
      ],
    ],
    [
      'GATE_CHECK',
      t => [
        () => call('GATE_CHECK', t, AS_OF),
        () => minimal.gateCheck(t, columnsOf(t), AS_OF),
      ],
    ],
    [
      'SLIP_SIGNALS',
      t => [
        () => call('SLIP_SIGNALS', t, AS_OF),
        () => minimal.slipSignals(t, columnsOf(t), AS_OF),
      ],
    ],
    [
      'GATE_COMPLIANCE',
      t => [
        () => call('GATE_COMPLIANCE', t, AS_OF),
        () => minimal.gateCompliance(t, columnsOf(t), AS_OF),
      ],
    ],
    [
      'DEFENSIBLE_COMMIT',
      t => [
        () => call('DEFENSIBLE_COMMIT', t, AS_OF),
        () => minimal.defensibleCommit(t, columnsOf(t), AS_OF),
      ],
    ],
    [
      'COMMIT_BREAKDOWN',
      t => [
        () => call('COMMIT_BREAKDOWN', t, AS_OF),
        () => minimal.commitBreakdown(t, columnsOf(t), AS_OF),
      ],
    ],
  ];

  lines.push(
    'Custom functions through dist/Code.js in the bare vm loader (median time per call; × = ratio to a hand-written minimal loop over the same arrays, run in the same vm context)',
    `${'rows'.padEnd(9)}${cases.map(([n]) => n.padStart(26)).join('')}`,
  );
  // Formula and minimal-loop times at 10k and 100k rows, for the growth line.
  const at100k: Record<string, [number, number]> = {};
  const at10k: Record<string, [number, number]> = {};
  for (const size of SIZES) {
    const table = dealsTable(size, crm);
    const forecast = forecastColumns(size, crm);
    const cells = cases.map(([name, make]) => {
      const [formula, minimal] = make(table, forecast);
      const [f, m] = timePairMs(formula, minimal);
      if (size === 100000) at100k[name] = [f, m];
      if (size === 10000) at10k[name] = [f, m];
      return `${ms(f)} (${(f / m).toFixed(1)}×)`.padStart(26);
    });
    lines.push(`${size.toLocaleString('en-US').padEnd(9)}${cells.join('')}`);
  }
  const budget = BUDGETED.map(n => {
    const t = at100k[n][0];
    return `${n} ${t.toFixed(0)} ms${t < BUDGET_MS ? '' : ' OVER BUDGET'}`;
  }).join(', ');
  lines.push(`Budget, 100,000 deal rows under ${BUDGET_MS} ms: ${budget}`);
  const target = TARGETED.map(n => {
    const ratio = at100k[n][0] / at100k[n][1];
    return `${n} ${ratio.toFixed(1)}× (${ratio <= RATIO_TARGET ? 'MET' : 'NOT MET'})`;
  }).join(', ');
  lines.push(
    `Target, 100,000 deal rows within ${RATIO_TARGET}× the minimal loop in the same run: ${target}`,
  );
  // Heap growth slows both sides at 100k; the minimal loop's growth is the yardstick for linear.
  const growth = (n: string, k: 0 | 1) =>
    (at100k[n][k] / at10k[n][k]).toFixed(1);
  lines.push(
    `Growth 10k → 100k rows (10× the rows), formula (minimal loop): ${cases
      .map(([n]) => `${n} ${growth(n, 0)}× (${growth(n, 1)}×)`)
      .join(', ')}`,
  );
  lines.push(...benchLeads(bundle, AS_OF));
  lines.push(...benchQuarters(bundle));
  return lines;
}
