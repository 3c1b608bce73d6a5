/**
 * The preview computes a cell whose formula calls one of the add-on's custom
 * functions, as Sheets does (Apps Script guide "Custom Functions":
 * arguments, return values, spill, AuthMode.CUSTOM_FUNCTION): through the
 * built bundle in the bare vm loader, recomputed when a cell it reads
 * changes. Other formulas say they are not computed here.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {customFunctionsOf} from '../../scripts/preview/calc';
import {clampA1, parseFormula} from '../../scripts/preview/formula';
import {NOT_COMPUTED, sheetView} from '../../scripts/preview/view';
import {PreviewWorld} from '../../scripts/preview/world';
import {zonedToInstant} from '../../scripts/preview/zoned-time';

const FIXTURE = join(__dirname, 'fixtures', 'Formulas.gs');

function shown(world: PreviewWorld, tab: string) {
  const view = sheetView(world.emulator, tab, world.calculator)!;
  return (row: number, column: number) => view.cells[row - 1]?.[column - 1];
}

function idOf(world: PreviewWorld, tab: string): number {
  return world.emulator.spreadsheet.sheets.find(s => s.state.name === tab)!
    .state.id;
}

function values(world: PreviewWorld, tab: string) {
  const sheet = world.emulator.spreadsheet.sheets.find(
    s => s.state.name === tab,
  )!;
  return sheet.state.values;
}

describe('reading a formula', () => {
  it('reads one call over references and literals, sheet-qualified and open-ended ranges too', () => {
    expect(
      parseFormula(
        '=gate_check(Deals!A1:AD, \'Q3 \'\'plan\'\'\'!$C$2, "say ""hi""", 12, -1.5, 80%, TRUE, )',
      ),
    ).toEqual({
      name: 'GATE_CHECK',
      args: [
        {kind: 'ref', sheet: 'Deals', a1: 'A1:AD'},
        {kind: 'ref', sheet: "Q3 'plan'", a1: 'C2'},
        {kind: 'literal', value: 'say "hi"'},
        {kind: 'literal', value: 12},
        {kind: 'literal', value: -1.5},
        {kind: 'literal', value: 0.8},
        {kind: 'literal', value: true},
        {kind: 'omitted'},
      ],
    });
    expect(parseFormula('=REBUILD_WEEK(C2:C, D2)')?.args).toEqual([
      {kind: 'ref', sheet: undefined, a1: 'C2:C'},
      {kind: 'ref', sheet: undefined, a1: 'D2'},
    ]);
  });

  it("reads every example formula of the README's function list", () => {
    const readme = readFileSync(
      join(__dirname, '..', '..', 'README.md'),
      'utf8',
    );
    const examples = [
      ...readme.matchAll(/^\| `[A-Z_]+\([^)]*\)` \| `(=[^`]+)` \|/gm),
    ].map(m => m[1]);
    expect(examples.length).toBeGreaterThan(15);
    for (const formula of examples) expect(parseFormula(formula)).toBeDefined();
  });

  it('leaves nested calls, operators and named ranges to Sheets', () => {
    for (const formula of [
      '=FORECAST_VARIANCE(SUM(C2:C3), D2)',
      '=FORECAST_VARIANCE(C2, D2) * 2',
      '=C2+D2',
      '=FORECAST_VARIANCE(Committed, D2)',
      '=FORECAST_VARIANCE({1,2}, D2)',
    ])
      expect(parseFormula(formula)).toBeUndefined();
  });

  it('cuts an open-ended or too-wide reference to the grid', () => {
    expect(clampA1('A1:AD', 1000, 25)).toBe('A1:Y1000');
    expect(clampA1('C2:C', 1000, 26)).toBe('C2:C1000');
    expect(clampA1('C2', 1000, 26)).toBe('C2');
    expect(clampA1('AA1', 1000, 26)).toBeUndefined();
  });

  it("finds the bundle's custom functions by their @customfunction tag", () => {
    const fromFixture = customFunctionsOf(readFileSync(FIXTURE, 'utf8'));
    expect(fromFixture.sort()).toEqual(['DESCRIBE', 'WHO', 'WRITE']);
  });
});

describe('computing custom formulas on the sample workbook (dist/Code.js)', () => {
  it("computes set-up's example formulas and spills them beside the data", () => {
    const world = PreviewWorld.open({seed: 'sample'});
    const forecast = values(world, 'Forecast');
    const cell = shown(world, 'Forecast');
    expect(cell(2, 5)?.formula).toBe('=FORECAST_VARIANCE(C2:C13, D2:D13)');
    for (let row = 2; row <= 13; row++) {
      const [committed, closed] = [forecast[row - 1][2], forecast[row - 1][3]];
      const variance = shown(world, 'Forecast')(row, 5)!;
      if (typeof committed === 'number' && typeof closed === 'number') {
        const expected = Math.abs(closed - committed) / committed;
        expect(variance.kind).toBe('number');
        expect(variance.text).toBe(`${(expected * 100).toFixed(1)}%`);
        expect(
          world.calculator.valueAt(idOf(world, 'Forecast'), row, 5)?.value,
        ).toBeCloseTo(expected, 12);
      } else expect(variance.text).toBe('');
      expect(cell(row, 6)?.text).toMatch(/^\d+\.\d%$/);
    }
  });

  it("reads a reference past the tab's edge as the part of the tab it covers (Deals!A1:AZ)", () => {
    const world = PreviewWorld.open({seed: 'sample'});
    world.edit('Sheet1', 1, 1, '=GATE_COMPLIANCE(Deals!A1:AZ)');
    world.edit('Sheet1', 2, 1, '=GATE_COMPLIANCE(Deals!A1:Y)');
    const cell = shown(world, 'Sheet1');
    expect(cell(1, 1)?.kind).toBe('number');
    expect(cell(1, 1)?.text).toBe(cell(2, 1)?.text);
  });

  it('recomputes when a cell it reads changes, and a formula may read another one', () => {
    const world = PreviewWorld.open({seed: 'sample'});
    world.edit('Sheet1', 1, 1, '=FORECAST_VARIANCE(Forecast!C2, Forecast!D2)');
    world.edit('Sheet1', 1, 2, '=VARIANCE_STATUS(A1, 7)');
    const cell = () => shown(world, 'Sheet1');
    const before = cell()(1, 1)!.text;
    expect(cell()(1, 2)!.text).toBe('OFF TARGET');
    world.edit('Forecast', 2, 4, '2150000');
    expect(cell()(1, 1)!.text).toBe('0');
    expect(before).not.toBe('0');
    expect(cell()(1, 2)!.text).toBe('ON TARGET');
  });

  it('recomputes after an add-on function writes what it reads (set-up writes its example formulas)', () => {
    const world = PreviewWorld.open({seed: 'empty'});
    world.run('setUpWorkbook', [], 'menu');
    const cell = shown(world, 'Forecast');
    expect(cell(2, 5)?.formula).toBe('=FORECAST_VARIANCE(C2:C13, D2:D13)');
    expect(cell(2, 5)?.kind).toBe('empty');
    expect(cell(2, 6)?.kind).toBe('empty');
    world.edit('Forecast', 2, 1, '1');
    world.edit('Forecast', 2, 3, '$1,000');
    world.edit('Forecast', 2, 4, '1,100');
    expect(shown(world, 'Forecast')(2, 5)?.text).toBe('10.0%');
    expect(shown(world, 'Forecast')(2, 6)?.text).toBe('12.0%');
  });

  it("shows the function's error and #REF! when its result would overwrite data", () => {
    const world = PreviewWorld.open({seed: 'sample'});
    world.edit(
      'Sheet1',
      1,
      1,
      '=FORECAST_VARIANCE(Forecast!C2:C4, Forecast!D2:D4)',
    );
    expect(shown(world, 'Sheet1')(3, 1)?.spilled).toBe(true);
    world.edit('Sheet1', 3, 1, 'mine');
    expect(shown(world, 'Sheet1')(1, 1)).toMatchObject({
      text: '#REF!',
      kind: 'error',
      note: 'Array result was not expanded because it would overwrite data in A3.',
    });
    world.edit('Sheet1', 3, 1, '');
    expect(shown(world, 'Sheet1')(1, 1)?.kind).toBe('number');
    world.edit('Sheet1', 5, 1, '=FORECAST_VARIANCE("n/a", 1)');
    expect(shown(world, 'Sheet1')(5, 1)).toMatchObject({
      text: '#ERROR!',
      kind: 'error',
    });
    expect(shown(world, 'Sheet1')(5, 1)?.note).toMatch(
      /FORECAST_VARIANCE.*n\/a/,
    );
  });

  it('says "not computed here" for any other formula', () => {
    const world = PreviewWorld.open({seed: 'sample'});
    world.edit('Sheet1', 1, 1, '=SUM(Forecast!C2:C4)');
    world.edit('Sheet1', 2, 1, '=FORECAST_VARIANCE(SUM(Forecast!C2:C4), 1)');
    for (const row of [1, 2])
      expect(shown(world, 'Sheet1')(row, 1)).toMatchObject({
        text: NOT_COMPUTED,
        kind: 'uncomputed',
      });
  });
});

describe('arguments as Sheets passes them (fixture project)', () => {
  it('a cell as a scalar, a range as a 2-D array, blanks as "", dates as Dates, numbers as numbers', () => {
    const world = PreviewWorld.open({seed: 'empty', codePath: FIXTURE});
    const zone = world.emulator.spreadsheet.state.timeZone;
    world.edit('Sheet1', 1, 1, '12');
    world.edit('Sheet1', 2, 1, '2026-11-20');
    world.edit('Sheet1', 1, 2, 'text');
    world.edit('Sheet1', 5, 1, '=DESCRIBE(A1, A1:B3, "lit", TRUE)');
    const midnight = zonedToInstant('2026-11-20T00:00', zone).toISOString();
    const row = [1, 2, 3, 4, 5].map(c => shown(world, 'Sheet1')(5, c)?.text);
    expect(row).toEqual([
      'number 12',
      `array 3x2 [number 12;string text|date ${midnight};blank|blank;blank]`,
      'string lit',
      'boolean true',
      '4',
    ]);
  });

  it('runs in AuthMode.CUSTOM_FUNCTION: refused Session (the stricter reading) and any write', () => {
    const world = PreviewWorld.open({seed: 'empty', codePath: FIXTURE});
    world.edit('Sheet1', 1, 1, '=WHO()');
    world.edit('Sheet1', 2, 1, '=WRITE()');
    world.edit('Sheet1', 3, 1, '=HELPER()');
    expect(shown(world, 'Sheet1')(1, 1)).toMatchObject({
      text: '#ERROR!',
      note: expect.stringContaining(
        'You do not have permission to call Session.getActiveUser',
      ),
    });
    expect(shown(world, 'Sheet1')(2, 1)).toMatchObject({
      text: '#ERROR!',
      note: expect.stringContaining(
        'You do not have permission to call setValue',
      ),
    });
    expect(shown(world, 'Sheet1')(3, 1)?.kind).toBe('uncomputed');
  });
});
