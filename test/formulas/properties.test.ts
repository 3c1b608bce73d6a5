/**
 * Random cells at every custom function, through the bundle: each call
 * returns a well-formed result (finite numbers and text, shaped like its
 * input) that Sheets takes as a custom function's result (the emulator's own
 * check, emulator/custom-function-result.ts, applied again here), or throws a
 * plain Error of the form `FN: [row N: ]what is wrong`. Never a TypeError,
 * never a silent NaN or Infinity, never a result the cell would show as an error.
 */
import {LEADS} from '../../src/domain/workbook';
import fc from 'fast-check';
import {toNumber, toText} from '../../src/domain/cells';
import {DEAL_HEADERS} from '../../src/domain/deals';
import {headerKey} from '../../src/domain/headers';
import {customFunctionResultProblem} from '../../emulator/custom-function-result';
import {readEntryPoints} from '../../scripts/build';
import {call, day} from './sheet';

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    ' ',
    'n/a',
    '$1,200',
    '12%',
    '(500)',
    '1.5M',
    '-3',
    '0',
    'TRUE',
    'yes',
    'Commit',
    'closed won',
    '2026-11-20',
    '11/20/2026',
    '2026-02-30',
    '2:12%, 6:8%',
    'hopefully',
  ),
  fc.string({maxLength: 12}),
  fc.integer({min: -1000, max: 1000}),
  fc.double(), // includes NaN, ±Infinity, -0 and huge values
  fc.constantFrom(1e308, -1e308, 5e-324, 1e-310, Number.MAX_SAFE_INTEGER),
  // The first and last instants a Date holds, far outside the years a cell holds.
  fc.constantFrom(new Date(8.64e15), new Date(-8.64e15)),
  fc.boolean(),
  fc.date({noInvalidDate: false}),
);

/** Sheets ranges, ragged ones included (rows of different lengths, empty rows). */
const range = fc.array(fc.array(cell, {maxLength: 3}), {maxLength: 5});
const arg = fc.oneof(cell, range, fc.constant(undefined));

/** A cell that fits its Deals column most of the time, and anything at all otherwise. */
function dealCell(header: string, noise = 1 / 10): fc.Arbitrary<unknown> {
  const dates = fc.oneof(
    fc.date({
      min: day(2026, 1, 1),
      max: day(2027, 1, 1),
      noInvalidDate: true,
    }),
    fc.constantFrom('2026-11-20', '11/9/2026', ''),
  );
  const fitting =
    header === 'Forecast Category'
      ? fc.constantFrom(
          'Commit',
          'Best Case',
          'Pipeline',
          'Closed Won',
          'closed lost',
          '',
        )
      : header === 'Amount'
        ? fc.oneof(
            fc.integer({min: -1000, max: 5_000_000}),
            fc.double({min: 0, max: 1e7, noNaN: true}),
            fc.constantFrom('$1,200', '1.5M', '(500)', ''),
          )
        : /Date|Due|On$|Last/.test(header)
          ? dates
          : /^(Metrics|Economic Buyer|Decision|Paper Process$|Identify|Champion|Competition)/.test(
                header,
              )
            ? fc.oneof(fc.boolean(), fc.constantFrom('TRUE', 'no', ''))
            : fc.oneof(
                fc.string({maxLength: 20}),
                fc.constantFrom('maybe next week', ''),
              );
  return fc.oneof(
    {weight: Math.round(1 / noise) - 1, arbitrary: fitting},
    {weight: 1, arbitrary: cell},
  );
}

/** Deals tables: the contract's headers (some dropped, shuffled, extra ones added) and rows that mostly fit. */
const dealsTableOf = (dropped: number, noise?: number) =>
  fc
    .tuple(
      fc.shuffledSubarray([...DEAL_HEADERS, 'Region', ''], {
        minLength: DEAL_HEADERS.length + 2 - dropped,
      }),
      fc.nat({max: 6}),
    )
    .chain(([headers, rows]) =>
      fc
        .array(fc.tuple(...headers.map(h => dealCell(h, noise))), {
          minLength: rows,
          maxLength: rows,
        })
        .map(body => [headers as unknown[], ...body]),
    );
const dealsTable = dealsTableOf(4);

/** A Leads table: the contract's headers over cells that mostly fit them. */
const leadsTable = fc
  .array(
    fc.tuple(
      fc.string({maxLength: 6}),
      fc.oneof(
        fc.date({
          min: day(2026, 6, 1),
          max: day(2026, 12, 1),
          noInvalidDate: true,
        }),
        cell,
      ),
      fc.constantFrom('Web', 'paid_search', 'Referral', ''),
      fc.oneof(
        fc.date({
          min: day(2026, 6, 1),
          max: day(2026, 12, 1),
          noInvalidDate: true,
        }),
        fc.constant(''),
      ),
      fc.oneof(
        fc.date({
          min: day(2026, 6, 1),
          max: day(2026, 12, 1),
          noInvalidDate: true,
        }),
        fc.constant(''),
        cell,
      ),
      fc.constantFrom('D-1', 'D-2', ''),
      fc.oneof(fc.integer({min: 0, max: 100000}), cell),
    ),
    {maxLength: 30},
  )
  .map(body => [LEADS.columns.map(c => c.header) as unknown[], ...body]);

const leadsArg = fc.oneof(
  {weight: 8, arbitrary: leadsTable},
  {weight: 1, arbitrary: arg},
);

const tableArg = fc.oneof(
  {weight: 8, arbitrary: dealsTable},
  {weight: 1, arbitrary: arg},
);

type Kind =
  | 'cells'
  | 'table'
  | 'aggregate'
  | 'pairs'
  | 'streak'
  | 'indicators'
  | 'warning'
  | 'sum'
  | 'breakdown'
  | 'verdicts'
  | 'ranked';

/** `ranged`: the arguments that are read cell by cell and so shape the result. */
const FUNCTIONS: Record<
  string,
  {kind: Kind; arity: number; ranged?: number[]}
> = {
  FORECAST_VARIANCE: {kind: 'cells', arity: 2, ranged: [0, 1]},
  FORECAST_BIAS: {kind: 'cells', arity: 2, ranged: [0, 1]},
  RECOVERY_TARGET: {kind: 'cells', arity: 2, ranged: [0]},
  GATE_TARGET: {kind: 'cells', arity: 2, ranged: [0]},
  VARIANCE_STATUS: {kind: 'cells', arity: 3, ranged: [0, 1]},
  GATE_STATUS: {kind: 'cells', arity: 3, ranged: [0, 1]},
  REBUILD_WEEK: {kind: 'cells', arity: 2, ranged: [0]},
  GATE_CHECK: {kind: 'table', arity: 3},
  GATE_COMPLIANCE: {kind: 'aggregate', arity: 3},
  SLIP_SIGNALS: {kind: 'table', arity: 2},
  SIGNAL_DENSITY: {kind: 'aggregate', arity: 2},
  FLAGGED_DEALS: {kind: 'aggregate', arity: 2},
  SAVE_PLAY_RATE: {kind: 'cells', arity: 2, ranged: [0, 1]},
  SAVE_PLAY_STATUS: {kind: 'cells', arity: 2, ranged: [0]},
  ATTENDANCE_RATE: {kind: 'cells', arity: 2, ranged: [0, 1]},
  ATTENDANCE_STATUS: {kind: 'cells', arity: 3, ranged: [0]},
  MISS_TYPE: {kind: 'cells', arity: 3, ranged: [0, 1, 2]},
  MISS_HEADLINE: {kind: 'cells', arity: 3, ranged: [0, 1, 2]},
  MISS_SPLIT: {kind: 'pairs', arity: 3, ranged: [0, 1, 2]},
  TRUST_STREAK: {kind: 'streak', arity: 2},
  MISS_PATTERN: {kind: 'cells', arity: 2, ranged: [0]},
  LEADING_INDICATORS: {kind: 'indicators', arity: 4},
  EARLY_WARNING: {kind: 'warning', arity: 3},
  DEFENSIBLE_COMMIT: {kind: 'sum', arity: 3},
  COMMIT_BREAKDOWN: {kind: 'breakdown', arity: 3},
  REINFLATION_CHECK: {kind: 'verdicts', arity: 2},
  OPTIONS_RANK: {kind: 'ranked', arity: 1},
};

/** Options tables: the contract's headers, shuffled, over cells that mostly fit. */
const optionsTable = fc
  .shuffledSubarray(['Option', 'Impact', 'Effort', 'Owner', 'Chosen'], {
    minLength: 3,
  })
  .chain(headers =>
    fc
      .array(
        fc.tuple(
          ...headers.map(h =>
            fc.oneof(
              {
                weight: 9,
                arbitrary:
                  h === 'Impact' || h === 'Effort'
                    ? fc.oneof(fc.integer({min: 1, max: 5}), fc.constant('3'))
                    : h === 'Chosen'
                      ? fc.boolean()
                      : fc.string({minLength: 1, maxLength: 12}),
              },
              {weight: 1, arbitrary: cell},
            ),
          ),
        ),
        {maxLength: 6},
      )
      .map(body => [headers as unknown[], ...body]),
  );

const YES_NO = ['YES', 'NO'];
const SCORES = [1, 2, 3, 4, 5];

const isCell = (v: unknown) =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

const isGridOf = (v: unknown, width?: number) =>
  Array.isArray(v) &&
  v.every(
    row =>
      Array.isArray(row) &&
      row.length > 0 &&
      (width === undefined || row.length === width) &&
      row.every(isCell),
  );

/** The rows a result must have: those of the first ranged argument given as a range. */
const rowsOf = (args: unknown[], ranged: number[] = []) =>
  ranged.map(i => args[i]).find(Array.isArray) as unknown[] | undefined;

function wellFormed(
  kind: Kind,
  args: unknown[],
  result: unknown,
  ranged?: number[],
): boolean {
  switch (kind) {
    case 'cells': {
      const grid = rowsOf(args, ranged);
      if (!grid) return isCell(result);
      return isGridOf(result) && (result as unknown[]).length === grid.length;
    }
    case 'table':
      return (
        isGridOf(result, 1) &&
        (result as unknown[]).length === (args[0] as unknown[]).length &&
        (result as string[][]).every(([v]) => typeof v === 'string')
      );
    case 'aggregate':
      return (
        result === '' ||
        (typeof result === 'number' && Number.isFinite(result) && result >= 0)
      );
    case 'pairs': {
      const grid = rowsOf(args, ranged);
      return (
        isGridOf(result, 2) &&
        (result as unknown[]).length === (grid?.length ?? 1)
      );
    }
    case 'streak':
      return Number.isInteger(result) && (result as number) >= 0;
    case 'indicators':
      return (
        isGridOf(result, 7) && (result as unknown[][])[0][0] === 'Week Starting'
      );
    case 'warning':
      return result === '' || isGridOf(result, 1);
    case 'sum':
      return typeof result === 'number' && Number.isFinite(result);
    case 'breakdown':
      return (
        isGridOf(result, 6) &&
        (result as unknown[][])
          .slice(1)
          .every(
            ([id, name, amount, inCommit, why, upside]) =>
              typeof id === 'string' &&
              typeof name === 'string' &&
              typeof amount === 'number' &&
              YES_NO.includes(inCommit as string) &&
              (inCommit === 'YES') === (why === '') &&
              YES_NO.includes(upside as string),
          )
      );
    case 'ranked':
      return (
        isGridOf(result, 5) &&
        (result as unknown[][])
          .slice(1)
          .every(
            ([option, impact, effort, , chosen], i, rows) =>
              option !== '' &&
              [impact, effort].every(n => SCORES.includes(n as number)) &&
              (chosen === 'YES' || chosen === '') &&
              (i === 0 ||
                (rows[i - 1][1] as number) > (impact as number) ||
                (rows[i - 1][1] === impact &&
                  (rows[i - 1][2] as number) <= (effort as number))),
          )
      );
    case 'verdicts':
      return (
        (!Array.isArray(args[0]) && result === '') ||
        (isGridOf(result) &&
          (result as unknown[][]).flat().every(v => typeof v === 'string'))
      );
  }
}

function check(
  name: string,
  kind: Kind,
  args: unknown[],
  ranged?: number[],
): boolean {
  let result: unknown;
  try {
    result = call(name, ...args);
  } catch (err) {
    const e = err as Error;
    const form = new RegExp(`^${name}: (row \\d+: )?\\S`);
    if (e.name !== 'Error' || !form.test(e.message)) {
      throw new Error(`${name} threw ${e.name}: ${e.message}`);
    }
    return true;
  }
  if (
    customFunctionResultProblem(result) !== undefined ||
    !wellFormed(kind, args, result, ranged)
  ) {
    throw new Error(`${name} returned ${JSON.stringify(result)}`);
  }
  return true;
}

describe('every custom function under random cells', () => {
  it('covers every custom function of src/index.ts', () => {
    const custom = readEntryPoints()
      .filter(e => /^[A-Z][A-Z0-9_]*$/.test(e.name))
      .map(e => [e.name, e.params.length]);
    expect(custom.sort()).toEqual(
      Object.entries(FUNCTIONS)
        .map(([n, f]) => [n, f.arity])
        .sort(),
    );
  });

  for (const [name, {kind, arity, ranged}] of Object.entries(FUNCTIONS)) {
    it(`${name}: a well-formed result or an Error naming the function`, () => {
      const first =
        kind === 'ranked'
          ? fc.oneof(
              {weight: 8, arbitrary: optionsTable},
              {weight: 1, arbitrary: arg},
            )
          : ['table', 'aggregate', 'sum', 'breakdown'].includes(kind)
            ? tableArg
            : kind === 'indicators' || kind === 'warning'
              ? leadsArg
              : arg;
      const rest = fc.array(arg, {minLength: arity - 1, maxLength: arity - 1});
      fc.assert(
        fc.property(first, rest, (a, more) =>
          check(name, kind, [a, ...more], ranged),
        ),
        {numRuns: first === tableArg ? 300 : 500},
      );
    });
  }

  it('table functions give a verdict for well-formed Commit rows (not only errors)', () => {
    // Guards the generators: the properties above must reach real results too.
    let results = 0;
    fc.assert(
      fc.property(dealsTable, table => {
        try {
          call('GATE_CHECK', table, day(2026, 11, 20));
          results++;
        } catch {
          // counted below
        }
        return true;
      }),
      // A fixed seed: this counts how often the generator reaches real results, which must not depend on luck.
      {numRuns: 200, seed: 20261130},
    );
    expect(results).toBeGreaterThan(20);
  });
});

/** What a call gave: its result, or the message it threw. */
function attempt(name: string, ...args: unknown[]) {
  try {
    return {result: call(name, ...args)};
  } catch (err) {
    return {error: (err as Error).message};
  }
}

describe('the defensible commit agrees exactly with GATE_CHECK and SLIP_SIGNALS', () => {
  const asOf = fc.oneof(
    fc.date({
      min: new Date('2026-10-01T00:00:00Z'),
      max: new Date('2027-01-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.constant(day(2026, 11, 20)),
  );
  const ebDays = fc.constantFrom('', 7, 14, 30);

  it('on random Deals tables: the same deals in, the same reasons out', () => {
    let compared = 0;
    fc.assert(
      // Every header and little noise, so that most tables reach a verdict.
      fc.property(dealsTableOf(0, 1 / 400), asOf, ebDays, (table, when, eb) => {
        const gate = attempt('GATE_CHECK', table, when, eb);
        const signals = attempt('SLIP_SIGNALS', table, when);
        const sum = attempt('DEFENSIBLE_COMMIT', table, when, eb);
        const breakdown = attempt('COMMIT_BREAKDOWN', table, when, eb);
        // A refused cell on a deal neither function reads (Pipeline, no category) fails only the first two.
        if (gate.error || signals.error) return true;
        // Everything else they read, GATE_CHECK and SLIP_SIGNALS read and accepted.
        const own =
          /: (missing headers? "(Forecast Category|Amount|Deal ID|Deal)"|row \d+: Amount is )/;
        if (sum.error) expect(sum.error).toMatch(own);
        if (breakdown.error) expect(breakdown.error).toMatch(own);
        if (sum.error || breakdown.error) return true;
        const header = table[0].map(headerKey);
        const at = (row: unknown[], h: string) =>
          row[header.indexOf(headerKey(h))];
        let expected = 0;
        const rows: unknown[][] = [];
        table.slice(1).forEach((row, i) => {
          const category = headerKey(at(row, 'Forecast Category'));
          if (category !== 'commit' && category !== 'bestcase') return;
          const verdict = (gate.result as string[][])[i + 1][0];
          const fired = (signals.result as string[][])[i + 1][0]
            .split(', ')
            .filter(s => s !== '');
          const amount = toNumber(at(row, 'Amount'))!;
          const commit = category === 'commit';
          const passes = verdict === 'PASS';
          const inCommit = commit && passes && fired.length < 2;
          const why = [
            ...(commit ? [] : ['Best Case, not Commit']),
            ...(passes ? [] : [`fails the gate: ${verdict.slice(6)}`]),
            ...(fired.length < 2
              ? []
              : [`${fired.length} slip signals: ${fired.join(', ')}`]),
          ];
          if (inCommit) expected += amount;
          rows.push([
            toText(at(row, 'Deal ID')),
            toText(at(row, 'Deal')),
            amount,
            inCommit ? 'YES' : 'NO',
            why.join('; '),
            !commit && passes ? 'YES' : 'NO',
          ]);
        });
        expect(sum.result).toBe(expected);
        expect((breakdown.result as unknown[][]).slice(1)).toEqual(rows);
        if (rows.length > 0) compared++;
        return true;
      }),
      // A fixed seed: the count below must not depend on luck.
      {numRuns: 300, seed: 20261130},
    );
    expect(compared).toBeGreaterThan(30);
  });
});
