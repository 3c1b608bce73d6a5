/**
 * The sample workbook's Quarters, Options and Deals through the bundle's
 * quarter functions, as an analyst would call them on its tabs: the
 * playbook's case (Q2 missed, Q3 conservative, Q4 raised too soon).
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {activeSpreadsheet} from './harness';

const tab = (emulator: Emulator, name: string) =>
  emulator.run({}, () =>
    activeSpreadsheet(emulator)
      .getSheetByName(name)!
      .getDataRange()
      .getValues(),
  );

describe('the sample workbook’s quarter', () => {
  let emulator: Emulator;
  let formula: (name: string, ...args: unknown[]) => unknown;
  beforeAll(() => {
    emulator = sampleWorkbook();
    const bundle = loadBundle(emulator);
    formula = (name, ...args) =>
      bundle.call(name, args, {
        trigger: 'custom-function',
        authMode: 'CUSTOM_FUNCTION',
      });
  });

  it('holds the case’s quarters; REINFLATION_CHECK finds Q3 OK and Q4 too soon', () => {
    const [header, ...rows] = tab(emulator, 'Quarters');
    const col = (h: string) => rows.map(r => [r[header.indexOf(h)]]);
    expect(col('Quarter').flat()).toEqual(['Q2 FY27', 'Q3 FY27', 'Q4 FY27']);
    expect(col('Commit').flat()).toEqual([33e6, 26.5e6, 32e6]);
    expect(col('Actual').flat()).toEqual([24.1e6, 28.3e6, 33.7e6]);
    expect(formula('REINFLATION_CHECK', col('Commit'), col('Actual'))).toEqual([
      [''],
      ['OK'],
      ['AGGRESSIVE TOO SOON: 1 of 2 delivered'],
    ]);
    // The missed quarter ends the month before the rebuild's first Monday.
    expect(formula('REBUILD_WEEK', col('Quarter End'), '2026-10-05')).toEqual([
      [0],
      [13],
      [26],
    ]);
    expect(
      formula('MISS_HEADLINE', col('Actual'), col('Commit'), col('Quarter')),
    ).toEqual([
      [
        'We finished Q2 FY27 at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
      ],
      [
        'We finished Q3 FY27 at $28.3M against a commit of $26.5M. The beat was $1.8M or 6.8% over.',
      ],
      [
        'We finished Q4 FY27 at $33.7M against a commit of $32.0M. The beat was $1.7M or 5.3% over.',
      ],
    ]);
  });

  it('ranks the options weighed before the plan, the chosen three first', () => {
    const ranked = formula(
      'OPTIONS_RANK',
      tab(emulator, 'Options'),
    ) as unknown[][];
    expect(ranked.map(r => [r[0], r[4]])).toEqual([
      ['Option', 'Chosen'],
      ['Gate review before any deal enters Commit', 'YES'],
      ['Call the number on Monday from Commit deals only', 'YES'],
      ['A named save-play for every signalled deal', 'YES'],
      ['Weekly pipeline review with every rep', ''],
      ['Replace the CRM forecast module', ''],
      ['Hire two more SDRs', ''],
    ]);
  });

  it('splits the Commit deals into defensible and not, with the reason, and shows the upside', () => {
    const deals = tab(emulator, 'Deals');
    const now = emulator.ctx.now();
    const breakdown = formula('COMMIT_BREAKDOWN', deals, now) as unknown[][];
    const rows = breakdown.slice(1);
    const commit = deals.slice(1).filter(r => r[5] === 'Commit');
    const bestCase = deals.slice(1).filter(r => r[5] === 'Best Case');
    expect(rows).toHaveLength(commit.length + bestCase.length);
    const inCommit = rows.filter(r => r[3] === 'YES');
    // Six clean deals and the two with a single signal.
    expect(inCommit).toHaveLength(8);
    expect(formula('DEFENSIBLE_COMMIT', deals, now)).toBe(
      inCommit.reduce((sum, r) => sum + Number(r[2]), 0),
    );
    const reasons = rows.filter(r => r[3] === 'NO').map(r => String(r[4]));
    expect(reasons).toContain('fails the gate: Champion');
    expect(reasons).toContain(
      '2 slip signals: hedged language, broken next step',
    );
    expect(rows.filter(r => r[5] === 'YES').map(r => r[0])).toEqual([
      bestCase[0][0],
    ]);
  });
});
