/**
 * Issue 13 §3 through the built bundle: Draft the post-mortem for the
 * playbook's case (Q2 committed $33.0M, closed $24.1M) in the sample
 * workbook on the day after Q2's end, in Tokyo (east of the script's New
 * York), and Email me the draft as a PDF read back with pdftotext.
 */
import {pdfText, useTextPdfs} from '../helpers/pdf';
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import {zonedInstant} from '../../emulator/format-date';
import {headerKey} from '../../src/domain/headers';
import {externalBlame} from '../../src/domain/external-blame';
import type {Emulator} from '../../emulator';
import type {CellValue} from '../../emulator/spreadsheet';

const ZONE = 'Asia/Tokyo';
/** Thursday 1 October 2026, 10:00 in Tokyo: the morning after Q2 FY27 closed (30 September). */
const MORNING_AFTER = zonedInstant(ZONE, 2026, 10, 1, 10, 0);
const day = (d: number, month = 9) => zonedInstant(ZONE, 2026, month, d);

useTextPdfs();

const sheetOf = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name);

/** Sets cells of a tab's row by header, in the emulator's state (as a person's typing would leave them). */
function set(
  emulator: Emulator,
  tab: string,
  row: number,
  values: Record<string, CellValue>,
) {
  const rows = sheetOf(emulator, tab)!.state.values;
  const header = rows[0].map(h => headerKey(String(h)));
  for (const [h, v] of Object.entries(values)) {
    const at = header.indexOf(headerKey(h));
    if (at < 0) throw new Error(`no ${h} on ${tab}`);
    (rows[row] ??= [])[at] = v;
  }
}

const EVIL = '=HYPERLINK("http://evil.example","<b>Acme</b> & Co")';

/**
 * Q2's Commit deals: the sample's 14, each committed to close in September;
 * nine closed won in September, five did not: one lost, one (named with a
 * formula and markup) slipped into October, three still Commit in October.
 */
function q2World() {
  const emulator = sampleWorkbook({
    today: '2026-10-01',
    rebuildStart: '2026-10-05',
    emulator: {scriptTimeZone: 'America/New_York', now: MORNING_AFTER},
  });
  const deals = sheetOf(emulator, 'Deals')!.state.values;
  const header = deals[0].map(h => headerKey(String(h)));
  const category = header.indexOf(headerKey('Forecast Category'));
  const commitRows = deals
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r[category] === 'Commit')
    .map(([, i]) => i);
  expect(commitRows).toHaveLength(14);
  commitRows.forEach((row, k) => {
    set(emulator, 'Deals', row, {'Committed Close Date': day(25)});
    if (k < 9)
      set(emulator, 'Deals', row, {
        'Forecast Category': 'Closed Won',
        Stage: 'Closed Won',
        'Close Date': day(20 + (k % 5)),
      });
    else set(emulator, 'Deals', row, {'Close Date': day(9, 10)});
  });
  const [lost, evil] = commitRows.slice(9);
  set(emulator, 'Deals', lost, {
    'Forecast Category': 'Closed Lost',
    Stage: 'Closed Lost',
    'Close Date': day(28),
  });
  set(emulator, 'Deals', evil, {Deal: EVIL, 'Deal ID': 'EVIL1'});
  // The Monday slip checks of September saw the evil deal due on the 25th, then on 9 October.
  const history = sheetOf(emulator, 'Deal History')!.state.values;
  history.push(
    [day(11), 'EVIL1', 'Negotiation', day(25), 'Call', 'Metrics'],
    [day(18), 'EVIL1', 'Negotiation', day(25), 'Call', 'Metrics'],
    [day(25), 'EVIL1', 'Negotiation', day(9, 10), 'Call', 'Metrics'],
  );
  sheetOf(emulator, 'Signals')!.state.values.push(
    [day(14), 'EVIL1', 'champion latency', 'auto', 'No reply'],
    [day(21), 'EVIL1', 'close-date micro-slip', 'auto', 'Moved'],
  );
  emulator.ctx.calls.reset();
  return {emulator, bundle: loadBundle(emulator)};
}

const draftColumn = (emulator: Emulator, column: number) =>
  (sheetOf(emulator, 'Post-Mortem')?.state.values ?? [])
    .map(r => r[column])
    .filter(v => v !== undefined && v !== '')
    .map(String);

/** Every tab's cells and formulas, to show a refusal changed nothing. */
const everything = (emulator: Emulator) =>
  JSON.stringify(
    emulator.spreadsheet.sheets.map(s => [
      s.state.name,
      s.state.values,
      s.state.formulas,
    ]),
  );

const draft = (bundle: ReturnType<typeof loadBundle>) =>
  bundle.call('draftPostMortem', [], {trigger: 'menu'});

/** The cells of a Deals table as Sheets passes a range to a custom function (blanks as ""). */
const dealsRange = (emulator: Emulator) =>
  sheetOf(emulator, 'Deals')!.state.values.map(r =>
    Array.from(
      {length: sheetOf(emulator, 'Deals')!.state.values[0].length},
      (_, c) => r[c] ?? '',
    ),
  );

describe('Draft the post-mortem (issue 13 §3)', () => {
  it('writes the five sections for Q2 of the playbook case, one paragraph per cell, with one read per tab and one write', () => {
    const {emulator, bundle} = q2World();
    draft(bundle);
    const calls = emulator.ctx.calls;
    expect(calls.count('Sheet.getSheetValues')).toBe(6); // Quarters, Settings, Deals, Deal History, Signals, Commitments
    expect(calls.count('Range.getValues')).toBe(0);
    expect(calls.count('Range.setValues')).toBe(1);
    expect(calls.count('Lock.waitLock')).toBe(1);
    // Every spreadsheet round trip, the menu's alert included (the bench's prefixes).
    const spreadsheetCalls = () =>
      ['SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.'].reduce(
        (n, p) => n + calls.count(p),
        0,
      );
    expect(spreadsheetCalls()).toBe(22);
    calls.reset();
    draft(bundle);
    expect(spreadsheetCalls()).toBe(22); // getLastColumn instead of insertSheet
    emulator.ui.alerts.length = 1;
    const cells = draftColumn(emulator, 0);
    expect(cells.slice(0, 2)).toEqual([
      'Q2 FY27 Post-Mortem',
      `${SAMPLE_PEOPLE.croName}, CRO, Thu 1 Oct 2026`,
    ]);
    // The 72-hour clock from the close (the end of 30 September in Tokyo), 36 hours for the board.
    expect(cells[2]).toBe(
      "Due within 72 hours of the quarter's close (the end of Wed 30 Sep 2026): by Sun 4 Oct 2026 00:00, 62 hours left at drafting (Thu 1 Oct 2026 10:00). The board version is due within 36 hours: by Fri 2 Oct 2026 12:00, 26 hours left.",
    );
    const after = (heading: string) => cells[cells.indexOf(heading) + 1];
    expect(after('1. The number')).toBe(
      'We finished Q2 FY27 at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
    );
    expect(after('2. Deal-level root cause')).toBe(
      '14 Commit deals were due to close in Q2 FY27; 9 closed and 5 did not.',
    );
    const cause = cells.slice(
      cells.indexOf('2. Deal-level root cause') + 2,
      cells.indexOf('3. The plan'),
    );
    expect(cause).toHaveLength(5);
    expect(cause.filter(p => p.includes('did not close'))).toHaveLength(5);
    const evil = cause.find(p => p.startsWith(EVIL))!;
    expect(evil).toContain('it is now Commit, close date Fri 9 Oct 2026');
    expect(evil).toContain(
      'On the Signals tab: champion latency logged Mon 14 Sep 2026 and close-date micro-slip logged Mon 21 Sep 2026.',
    );
    expect(evil).toContain(
      'Deal History: due in the quarter from the week ending Fri 11 Sep 2026; its close date moved past the quarter in the week ending Fri 25 Sep 2026.',
    );
    expect(cause.find(p => p.includes('Closed Lost'))).toBeDefined();

    // What the draft says of each deal's gate and signals is what GATE_CHECK and
    // SLIP_SIGNALS say of the same table at the end of Quarter End's day.
    const asOf = new Date(zonedInstant(ZONE, 2026, 10, 1).getTime() - 1);
    const fn = (name: string) =>
      bundle.call(name, [dealsRange(emulator), asOf], {
        authMode: 'CUSTOM_FUNCTION',
        trigger: 'custom-function',
      }) as string[][];
    const [gate, signals] = [fn('GATE_CHECK'), fn('SLIP_SIGNALS')];
    const names = sheetOf(emulator, 'Deals')!.state.values.map(r =>
      String(r[1] ?? ''),
    );
    for (const paragraph of cause) {
      const row = names.findIndex(
        (n, i) => i > 0 && paragraph.startsWith(`${n} (`),
      );
      const verdict = String(gate[row][0]);
      const fired = String(signals[row][0])
        .split(', ')
        .filter(s => s);
      expect(paragraph).toContain(
        verdict === 'PASS'
          ? 'the gate passed it'
          : `the gate showed it lacked ${verdict.replace('FAIL: ', '').replace(/, ([^,]*)$/, ' and $1')}`,
      );
      expect(paragraph).toContain(
        `slip signals firing: ${fired.length ? fired.join(', ').replace(/, ([^,]*)$/, ' and $1') : 'none'}.`,
      );
    }

    // The plan: the three active commitments with metric and 60-day target; C4 is not active.
    expect(cells).toContain(
      'C1: Every Commit deal passes the qualification gate. Metric: Gate compliance of Commit deals, Friday. 60-day target: 100% by week 8.',
    );
    const plan = cells.slice(
      cells.indexOf('3. The plan') + 1,
      cells.indexOf('4. The cadence'),
    );
    expect(plan.map(p => p.slice(0, 3))).toEqual(['C1:', 'C2:', 'C3:']);
    expect(after('4. The cadence')).toBe(
      'Every Friday at 16:00 I grade each commitment Green, Yellow or Red in a 30-minute scorecard meeting open to the whole team, and the snapshot goes by email to cfo@example.com. Once a month the CEO and CFO attend, and I send them a monthly report.',
    );
    // The personal note holds only the instruction, and is the last cell.
    expect(cells.slice(cells.indexOf('5. A personal note') + 1)).toEqual([
      `[For ${SAMPLE_PEOPLE.croName} to write, in your own words: what you own in this miss and what you ask of the team. The add-on writes nothing here; replace this line.]`,
    ]);
    expect(emulator.ui.alerts).toEqual([
      `Post-mortem drafted\n\nQ2 FY27 Post-Mortem: column 1 of the Post-Mortem tab. ${cells[2]}`,
    ]);
  });

  it('holds none of the blame words the sidebar nudges on', () => {
    const {emulator, bundle} = q2World();
    draft(bundle);
    const cells = draftColumn(emulator, 0);
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.flatMap(externalBlame)).toEqual([]);
    // The check itself catches what it looks for.
    expect(externalBlame('Longer sales cycles and the market')).toEqual([
      'longer sales cycles',
      'market',
    ]);
  });

  it("gives a Non-Controllable amount one sentence of context, MISS_SPLIT's split, and no more", () => {
    const {emulator, bundle} = q2World();
    set(emulator, 'Quarters', 1, {'Non-Controllable': 2_000_000});
    draft(bundle);
    const cells = draftColumn(emulator, 0);
    const context = cells.filter(c => /outside our control/.test(c));
    expect(context).toEqual([
      'Context, in one sentence: $2.0M of the $8.9M miss had a cause outside our control; the other $6.9M was ours.',
    ]);
    // It closes the root cause, after the deals.
    expect(cells[cells.indexOf('3. The plan') - 1]).toBe(context[0]);
    expect(cells.flatMap(externalBlame)).toEqual([]);
  });

  it('keeps a deal named like a formula as text: no cell of the tab becomes a formula', () => {
    const {emulator, bundle} = q2World();
    draft(bundle);
    const tab = sheetOf(emulator, 'Post-Mortem')!;
    expect(tab.state.formulas).toEqual({});
    expect(draftColumn(emulator, 0).filter(c => c.startsWith('='))).toEqual([
      expect.stringContaining(`${EVIL} (EVIL1, `),
    ]);
  });

  it('refuses, changing nothing, when no quarter closed below its commit', () => {
    const {emulator, bundle} = q2World();
    set(emulator, 'Quarters', 1, {Actual: 34_000_000});
    const before = everything(emulator);
    draft(bundle);
    expect(emulator.ui.alerts).toEqual([
      'Post-mortem not drafted\n\nNo quarter on the "Quarters" tab has an Actual below its Commit; nothing changed.',
    ]);
    expect(everything(emulator)).toBe(before);
    expect(sheetOf(emulator, 'Post-Mortem')).toBeUndefined();
  });

  it('refuses by its row a quarter whose Actual is not an amount', () => {
    const {emulator, bundle} = q2World();
    set(emulator, 'Quarters', 2, {Actual: 'n/a'});
    const before = everything(emulator);
    draft(bundle);
    expect(emulator.ui.alerts).toEqual([
      'Post-mortem not drafted\n\nThe "Quarters" tab, row 3: Actual is "n/a", not an amount.',
    ]);
    expect(everything(emulator)).toBe(before);
  });

  it("a second run drafts afresh in the next free column and keeps the CRO's edits", () => {
    const {emulator, bundle} = q2World();
    draft(bundle);
    const values = sheetOf(emulator, 'Post-Mortem')!.state.values;
    const noteRow = values.length - 1;
    values[4][0] = 'We finished Q2 at $24.1M. I own the $8.9M.';
    values[noteRow][0] = 'I called 14 deals and 5 did not close.';
    const edited = draftColumn(emulator, 0);
    emulator.ctx.setNow(new Date(MORNING_AFTER.getTime() + 28 * 36e5));
    draft(bundle);
    expect(draftColumn(emulator, 0)).toEqual(edited);
    const fresh = draftColumn(emulator, 1);
    expect(fresh[0]).toBe('Q2 FY27 Post-Mortem');
    expect(fresh[4]).toMatch(/^We finished Q2 FY27 at \$24\.1M/);
    expect(fresh.at(-1)).toMatch(/^\[For Dana Reyes to write/);
    // 28 hours later: 34 hours left, and the board version 2 hours past due.
    expect(fresh[2]).toContain('34 hours left at drafting');
    expect(fresh[2]).toContain('2 hours past due');
    expect(emulator.ui.alerts.at(-1)).toContain(
      'column 2 of the Post-Mortem tab',
    );
  });

  it("shows the clock past due when drafted weeks after the close (the sample's week 7)", () => {
    const emulator = sampleWorkbook({
      emulator: {scriptTimeZone: 'America/New_York'},
    });
    const bundle = loadBundle(emulator);
    draft(bundle);
    const cells = draftColumn(emulator, 0);
    expect(cells[0]).toBe('Q2 FY27 Post-Mortem');
    // Q2 ended 30 September; the sample's today is Friday 20 November, 15:00 in Tokyo.
    expect(cells[2]).toContain('by Sun 4 Oct 2026 00:00, 47 days past due');
    // The sample's deals all close after Q2: none was due in it.
    expect(cells).toContain(
      '0 Commit deals were due to close in Q2 FY27; 0 closed.',
    );
  });
});

describe('Email me the draft (issue 13 §3)', () => {
  it("sends the latest draft, with the CRO's edits, as a PDF to the person running it, every cell as text", () => {
    const {emulator, bundle} = q2World();
    draft(bundle);
    draft(bundle);
    const values = sheetOf(emulator, 'Post-Mortem')!.state.values;
    values[values.length - 1][1] = 'I own this miss. <script>alert(1)</script>';
    bundle.call('emailPostMortemDraft', [], {
      trigger: 'menu',
      user: SAMPLE_PEOPLE.cro,
    });
    expect(emulator.ui.alerts.at(-1)).toBe(
      `Draft sent\n\nQ2 FY27 Post-Mortem sent to ${SAMPLE_PEOPLE.cro} as a PDF.`,
    );
    expect(emulator.outbox).toHaveLength(1);
    const mail = emulator.outbox[0];
    expect(mail.recipients).toEqual([SAMPLE_PEOPLE.cro]);
    expect(mail.subject).toBe('Q2 FY27 Post-Mortem');
    expect(mail.body).toContain('I own this miss. <script>alert(1)</script>');
    expect(mail.attachments.map(a => a.name)).toEqual([
      'Q2 FY27 Post-Mortem.pdf',
    ]);
    const text = pdfText(mail.attachments[0].bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Q2 FY27 Post-Mortem');
    expect(text).toContain(
      'We finished Q2 FY27 at $24.1M against a commit of $33.0M. The miss was $8.9M or 27% under.',
    );
    // Markup in a deal name and in the CRO's words is printed, not obeyed.
    expect(text).toContain(
      '=HYPERLINK("http://evil.example","<b>Acme</b> & Co")',
    );
    expect(text).toContain('I own this miss. <script>alert(1)</script>');
    expect(text).not.toContain('[For Dana Reyes to write');
  });

  it('says so, and sends nothing, when there is no draft', () => {
    const {emulator, bundle} = q2World();
    bundle.call('emailPostMortemDraft', [], {trigger: 'menu'});
    expect(emulator.ui.alerts).toEqual([
      'Draft not sent\n\nNo draft on the Post-Mortem tab: run Draft the post-mortem first.',
    ]);
    expect(emulator.outbox).toHaveLength(0);
  });
});
