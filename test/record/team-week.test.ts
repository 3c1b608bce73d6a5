/**
 * The whole week as a team, through the built bundle: an admin owns the
 * file, an analyst sets it up, the CRO grades, snapshots and schedules, the
 * trigger runs as the CRO with no open document, the analyst runs the slip
 * check, and a rep who edits Deals is refused the record.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import {confirmingSnapshot} from '../helpers/snapshot';
import type {SidebarData} from '../../src/domain/sidebar/types';

const ADMIN = 'admin@acme.example';
const ANALYST = 'analyst@acme.example';
const CRO = 'cro@acme.example';
const REP = 'rep@acme.example';

function team() {
  // The sample runs set-up as the current user: the analyst, in a file the admin owns.
  const emulator = sampleWorkbook({
    emulator: {
      owner: ADMIN,
      user: ANALYST,
      // Pinned: the trigger instants below are Los Angeles evenings.
      spreadsheetTimeZone: 'America/Los_Angeles',
    },
  });
  const bundle = loadBundle(emulator);
  const setting = (name: string, value: string) => {
    const sheet = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Settings',
    )!;
    const row = sheet.state.values.findIndex(r => r[0] === name);
    sheet.state.values[row][1] = value;
  };
  setting('CRO Email', CRO);
  const as = (user: string, trigger: 'menu' | 'sidebar' = 'menu') => ({
    user,
    trigger,
  });
  const editorsOf = (tab: string) =>
    emulator.spreadsheet.sheets
      .find(s => s.state.name === tab)!
      .state.protections[0].editors.slice()
      .sort();
  return {emulator, bundle, setting, as, editorsOf};
}

describe('a team runs the week', () => {
  it('admin owns, analyst sets up, CRO grades, snapshots and schedules, the trigger runs as the CRO, the analyst runs the slip check, a rep is refused', () => {
    const {emulator, bundle, as, editorsOf} = team();
    const alert = () => emulator.ui.alerts.at(-1)!;

    // Set-up ran before the CRO Email was filled: the CRO is a keeper, but the protection predates it.
    expect(editorsOf('Scorecard')).toEqual([ADMIN, ANALYST].sort());
    bundle.call('snapshotWeekFromMenu', [], as(CRO));
    expect(alert()).toMatch(
      /cro@acme\.example cannot take the snapshot yet: you are a keeper of the record, but its protection .* was last refreshed before you became one\. To refresh it, ask one of admin@acme\.example, analyst@acme\.example to run Extensions › Trust Rebuild › Set up workbook\./,
    );
    expect(alert()).not.toMatch(/protected cell or object/);

    // The analyst runs set-up again: the protection now names every keeper.
    bundle.call('setUpWorkbook', [], as(ANALYST));
    expect(alert()).toMatch(
      /The keepers of the record .*: admin@acme\.example, analyst@acme\.example, cro@acme\.example\./,
    );
    for (const tab of ['Scorecard', 'Delivery Log', 'Deal History'])
      expect(editorsOf(tab)).toEqual([ADMIN, ANALYST, CRO].sort());

    // The CRO grades and snapshots from the sidebar.
    const data = bundle.call(
      'loadSidebar',
      [],
      as(CRO, 'sidebar'),
    ) as SidebarData;
    const saved = bundle.call(
      'saveGrades',
      [
        {
          weekEnding: data.weekEnding,
          grades: data.plan.commitments.map(c => ({
            commitmentId: c.id,
            grade: 'Green',
            reason: '',
            nextAction: `Keep ${c.id} on track`,
            version: c.version,
          })),
        },
      ],
      as(CRO, 'sidebar'),
    ) as {ok: boolean};
    expect(saved.ok).toBe(true);
    const snap = confirmingSnapshot(args =>
      bundle.call('snapshotWeek', [args], as(CRO, 'sidebar')),
    ) as {
      status: string;
      message: string;
    };
    expect(snap.status).toBe('recorded');

    // The CRO schedules; the trigger is theirs and runs as them.
    bundle.call('installSchedule', [], as(CRO));
    expect(alert()).toMatch(/It runs as cro@acme\.example\./);
    expect(emulator.triggers.triggers.map(t => t.owner)).toEqual([CRO]);

    // A rep edits Deals but cannot touch the record, nor schedule it.
    emulator.run(as(REP), () => {
      const ss = emulator.spreadsheet.exposed();
      ss.getSheetByName('Deals')!.getRange(2, 2).setValue('Renamed by the rep');
      expect(() =>
        ss.getSheetByName('Scorecard')!.getRange(2, 2).setValue(1),
      ).toThrow(/protected cell or object/);
    });
    bundle.call('snapshotWeekFromMenu', [], as(REP));
    expect(alert()).toMatch(
      /rep@acme\.example cannot take the snapshot: only the keepers of the record may write Scorecard, Delivery Log and Deal History \(admin@acme\.example, analyst@acme\.example, cro@acme\.example\)\. To be added, ask .* to put your email in the "Record Keepers" setting/,
    );
    bundle.call('installSchedule', [], as(REP));
    expect(alert()).toMatch(/already installed by cro@acme\.example/);
    bundle.call('runSlipCheckFromMenu', [], as(REP));
    expect(alert()).toMatch(/rep@acme\.example cannot run the slip check/);

    // Friday to Monday: the trigger runs as the CRO with no open document (it opens the file by ID).
    emulator.ctx.calls.reset();
    const firings = bundle.fireDueTriggers(new Date('2026-11-24T02:00:00Z'));
    expect(firings.map(f => f.user)).toEqual([CRO, CRO, CRO, CRO]);
    expect(firings.map(f => f.error)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(firings.map(f => (f.result as {ran: string[]}).ran.join())).toEqual([
      'snapshot',
      '',
      '',
      'slip check,early warning',
    ]);
    expect(emulator.ctx.calls.count('SpreadsheetApp.openById')).toBe(4);

    // Monday: the analyst runs the slip check too; nothing is logged twice.
    bundle.call('runSlipCheckFromMenu', [], as(ANALYST));
    expect(alert()).toMatch(
      /Slip check for the week of 2026-11-23: .* 0 new signals logged/,
    );

    // The CRO's schedule message shows the last run.
    bundle.call('removeSchedule', [], as(ANALYST));
    expect(alert()).toMatch(
      /only they can stop it\..*cro@acme\.example sees its last run here/s,
    );
    bundle.call('installSchedule', [], as(CRO));
    expect(alert()).toMatch(
      /Last scheduled run: Mon 23 Nov 2026 16:\d\d \(America\/Los_Angeles\), it worked: Slip check for the week of 2026-11-23/,
    );
  });

  it('a keeper added in Record Keepers is given each tab when a keeper next writes it, and removed when taken out', () => {
    const {bundle, setting, as, editorsOf} = team();
    bundle.call('setUpWorkbook', [], as(ANALYST));
    setting('Record Keepers', 'revops@acme.example');
    confirmingSnapshot(args =>
      bundle.call('snapshotWeek', [args], as(CRO, 'sidebar')),
    );
    expect(editorsOf('Scorecard')).toContain('revops@acme.example');
    expect(editorsOf('Delivery Log')).toContain('revops@acme.example');
    bundle.call('runSlipCheck', [], as(ANALYST));
    expect(editorsOf('Deal History')).toContain('revops@acme.example');
    setting('Record Keepers', '');
    bundle.call('runSlipCheck', [], as(ANALYST));
    expect(editorsOf('Deal History')).toEqual([ADMIN, ANALYST, CRO].sort());
    // Set-up checks every record tab's editors, whatever their description says.
    bundle.call('setUpWorkbook', [], as(CRO));
    expect(editorsOf('Scorecard')).toEqual([ADMIN, ANALYST, CRO].sort());
  });
});
