/**
 * The snapshot's reader (SnapshotPlan.read), from the sources: the tabs the
 * week's record read are read once per run, and a feature's read of another
 * tab joins it (issue 15: new reads join the reads a run already makes).
 */
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {planSnapshot} from '../../src/services/snapshot';
import {readSettings} from '../../src/services/settings';
import {weekContext} from '../../src/services/week';
import {DEALS, FORECAST, OPTIONS} from '../../src/domain/workbook';
import {activeSpreadsheet, inEmulator} from '../workbook/harness';

describe('SnapshotPlan.read', () => {
  it('answers the tabs the week was read from without a call, and reads a new tab with one lookup and one read', () => {
    const emulator = sampleWorkbook({
      emulator: {now: new Date('2026-11-21T01:00:00Z')},
    });
    const counts = inEmulator(emulator, () => {
      const ss = activeSpreadsheet(emulator);
      const settings = readSettings(ss);
      const plan = planSnapshot(
        ss,
        settings,
        weekContext(ss, settings, new Date()),
      );
      emulator.ctx.calls.reset();
      plan.read(FORECAST);
      plan.read(DEALS, ['Deal ID']);
      const again = emulator.ctx.calls.count();
      // Options: a tab the week does not read (it reads Quarters for the weekly part, issue 13).
      expect(plan.read(OPTIONS).rows.length).toBeGreaterThan(0);
      plan.read(OPTIONS);
      expect(plan.read.find('A tab created when first needed')).toBeNull();
      return {again, quarters: emulator.ctx.calls.snapshot()};
    });
    expect(counts.again).toBe(0);
    expect(counts.quarters).toEqual({
      'Spreadsheet.getSheetByName': 2,
      'Sheet.getSheetValues': 1,
      // The missing tab: every name once, for the rest of the run.
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': emulator.spreadsheet.sheets.length,
    });
  });
});
