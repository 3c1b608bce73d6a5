/**
 * Issue 13 §3 through the built bundle: Draft the post-mortem for the
 * playbook's case (Q2 committed $33.0M, closed $24.1M) in the sample
 * workbook on the day after Q2's end, in Tokyo (east of the script's New
 * York), and Email me the draft as a PDF read back with pdftotext.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import {zonedInstant} from '../../emulator/format-date';
import {headerKey} from '../../src/domain/headers';
import {externalBlame} from '../../src/domain/external-blame';
import type {Emulator} from '../../emulator';

const ZONE = 'Asia/Tokyo';
/** Thursday 1 October 2026, 10:00 in Tokyo: the morning after Q2 FY27 closed (30 September). */
const MORNING_AFTER = zonedInstant(ZONE, 2026, 10, 1, 10, 0);
const day = (d: number, month = 9) => zonedInstant(ZONE, 2026, month, d);

let pdfMode: string | undefined;
beforeAll(() => {
  pdfMode = process.env.EMULATOR_PDF;
  process.env.EMULATOR_PDF = 'text';
});
afterAll(() => {
  if (pdfMode === undefined) delete process.env.EMULATOR_PDF;
  else process.env.EMULATOR_PDF = pdfMode;
});

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'post-mortem-pdf-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'd.pdf'), '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const sheetOf = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name);

/** Sets cells of a tab's row by header, in the emulator's state (as a person's typing would leave them). */
function set(
  emulator: Emulator,
  tab: string,
  row: number,
  values: Record<string, unknown>,
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
  sheetOf(emulator, 'Post-Mortem')!
    .state.values.map(r => r[column])
    .filter(v => v !== undefined && v !== '')
    .map(String);

describe('Draft the post-mortem (issue 13 §3)', () => {
  it('writes the five sections for Q2 of the playbook case, one paragraph per cell', () => {
    const {emulator, bundle} = q2World();
    bundle.call('draftPostMortem', [], {trigger: 'menu'});
    expect(emulator.ui.alerts.at(-1)).toMatch(/^Post-mortem drafted/);
    const draft = draftColumn(emulator, 0);
    console.log(draft.join('\n\n'), emulator.ui.alerts, emulator.ctx.calls.snapshot());
  });
});
