/**
 * The weekly part of issue 13 through the built bundle, on the sample
 * workbook (the playbook's case in week 7, the spreadsheet in Asia/Tokyo
 * east of the script's New York): wrong calls named first (§6), the
 * recommit update (§5), the quarter's re-inflation warning in the email (§2)
 * and the dual scorecard (§7), recorded on the Scorecard row so a retried
 * email carries them.
 */
import {pdfText, useTextPdfs} from '../helpers/pdf';
import {weekSeven} from '../helpers/week-seven';
import type {LoadedBundle} from '../../emulator/loader';
import {SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {sidebarSnapshot as snapshot} from '../helpers/snapshot';
import {
  col,
  currentQuarter,
  DAY,
  localDay,
  values,
  weekEndingCell,
  wrongCallsWeek,
} from '../helpers/weekly';
import type {SidebarData} from '../../src/domain/sidebar/types';
import {percent} from '../../src/domain/words';

const CRO = {user: SAMPLE_PEOPLE.cro, trigger: 'sidebar' as const};

const EQUALS =
  '=SUM(1,2) was my wrong call: I trusted a champion who had gone quiet.';
const MARKUP =
  'I called <b>it</b> & <script>x()</script> without the paper process.';

useTextPdfs();

const byHeader = (rows: unknown[][], row: number) =>
  Object.fromEntries(rows[0].map((h, i) => [String(h), rows[row][i]]));

const world = weekSeven;

const load = (bundle: LoadedBundle) =>
  bundle.call('loadSidebar', [], CRO) as SidebarData;
type Saved = {ok: boolean; message?: string; field?: string};
const saveWords = (
  bundle: LoadedBundle,
  weekEnding: string,
  words: Array<{dealId: string; words: string}>,
) => bundle.call('saveWords', [{weekEnding, words}], CRO) as Saved;

/** The CRO Words tab through the Apps Script API: values and formulas as Sheets reports them. */
function wordsTab(emulator: Emulator) {
  return emulator.run({}, () => {
    const sheet = emulator.spreadsheet.exposed().getSheetByName('CRO Words');
    if (!sheet) return undefined;
    const range = sheet.getDataRange();
    return {values: range.getValues(), formulas: range.getFormulas()};
  });
}

describe('wrong calls, named first (issue 13 §6)', () => {
  it('lists last week’s Commit deals that went Closed Lost or moved past the quarter end, saves one sentence each as text, and the email names them first', () => {
    const {emulator, bundle} = world();
    const w = wrongCallsWeek(emulator);
    expect(emulator.spreadsheet.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    const data = load(bundle);
    expect(data.weekEnding).toBe('2026-11-20');
    // Set-up never made the words tab: it is created when first written.
    expect(wordsTab(emulator)).toBeUndefined();
    expect(data.scorecard.record.wrongCalls).toEqual([
      {id: w.a.id, deal: w.a.deal, why: 'went Closed Lost', words: ''},
      {
        id: w.b.id,
        deal: w.b.deal,
        why: `close date moved to ${w.movedTo}, past the quarter end ${w.quarterEnd}`,
        words: '',
      },
      {id: w.f.id, deal: w.f.deal, why: 'went Closed Lost', words: ''},
    ]);

    // Refused, naming the field, and nothing written: a deal that was not Commit last week, two lines, another week.
    const refusals = [
      saveWords(bundle, data.weekEnding, [{dealId: w.d.id + 'X', words: 'x'}]),
      saveWords(bundle, data.weekEnding, [{dealId: w.a.id, words: 'one\ntwo'}]),
      saveWords(bundle, '2026-11-13', [{dealId: w.a.id, words: 'x'}]),
      saveWords(bundle, data.weekEnding, [
        {dealId: w.a.id, words: 'x'.repeat(501)},
      ]),
      bundle.call('saveWords', [{weekEnding: data.weekEnding}], CRO) as Saved,
    ];
    expect(refusals.map(r => [r.ok, r.field])).toEqual([
      [false, 'words.0.dealId'],
      [false, 'words.0.words'],
      [false, 'weekEnding'],
      [false, 'words.0.words'],
      [false, 'words'],
    ]);
    expect(refusals[0].message).toContain('was not a Commit deal last week');
    expect(wordsTab(emulator)).toBeUndefined();

    const saved = saveWords(bundle, data.weekEnding, [
      {dealId: w.a.id, words: `  ${EQUALS}  `},
      {dealId: w.b.id, words: MARKUP},
    ]);
    expect(saved).toEqual({
      ok: true,
      value: {
        words: [
          {dealId: w.a.id, words: EQUALS},
          {dealId: w.b.id, words: MARKUP},
        ],
      },
    });
    const tab = wordsTab(emulator)!;
    expect(tab.values[0]).toEqual([
      'Week Ending',
      'Kind',
      'Deal ID',
      'Words',
      'Written By',
      'Written At',
    ]);
    expect(
      tab.values
        .slice(1)
        .map(r => [localDay(emulator, r[0]), ...r.slice(1, 5)]),
    ).toEqual([
      ['2026-11-20', 'wrong call', w.a.id, EQUALS, SAMPLE_PEOPLE.cro],
      ['2026-11-20', 'wrong call', w.b.id, MARKUP, SAMPLE_PEOPLE.cro],
    ]);
    // Never a formula: the "=" sentence is text.
    expect(tab.formulas.flat().every(f => f === '')).toBe(true);
    // Saving again updates the week's row in place.
    saveWords(bundle, data.weekEnding, [{dealId: w.a.id, words: EQUALS}]);
    expect(wordsTab(emulator)!.values).toHaveLength(3);

    expect(snapshot(bundle).status).toBe('recorded');
    const row = byHeader(values(emulator, 'Scorecard'), 1);
    expect(JSON.parse(String(row['Wrong Calls']))).toEqual([
      [w.a.id, w.a.deal, 'went Closed Lost', EQUALS],
      [
        w.b.id,
        w.b.deal,
        `close date moved to ${w.movedTo}, past the quarter end ${w.quarterEnd}`,
        MARKUP,
      ],
      [w.f.id, w.f.deal, 'went Closed Lost', ''],
    ]);

    const mail = emulator.outbox[0];
    const html = mail.htmlBody;
    // Named first: before anything off target.
    expect(html.indexOf('Wrong calls I am naming')).toBeGreaterThan(0);
    expect(html.indexOf('Wrong calls I am naming')).toBeLessThan(
      html.indexOf('Off target this week'),
    );
    expect(html).toContain(EQUALS);
    expect(html).toContain(
      'I called &lt;b&gt;it&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt; without',
    );
    expect(html).not.toContain('<script>');
    expect(html).toMatch(
      new RegExp(
        `${w.f.deal}</b> \\(went Closed Lost\\): <i[^>]*>not yet named</i>`,
      ),
    );
    expect(mail.body).toContain(
      `Wrong calls I am naming:\n- ${w.a.deal} (went Closed Lost): ${EQUALS}\n- ${w.b.deal} (close date moved to`,
    );
    expect(mail.body).toContain(
      `- ${w.f.deal} (went Closed Lost): not yet named`,
    );
    const handout = pdfText(mail.attachments[0].bytes);
    expect(handout).toContain('Wrong calls I am naming');
    expect(handout).toContain('not yet named');
    expect(handout).toContain('<b>it</b>');
    expect(
      (bundle.call('verifyScorecard', [], {trigger: 'menu'}) as {ok: boolean})
        .ok,
    ).toBe(true);

    // The CRO names F after the snapshot: the next snapshot amends the week, the chain still verifies.
    saveWords(bundle, data.weekEnding, [
      {dealId: w.f.id, words: 'I missed F.'},
    ]);
    expect(snapshot(bundle).status).toBe('amended');
    const amended = byHeader(values(emulator, 'Scorecard'), 2);
    expect(amended['Changes']).toBe('Wrong Calls: changed');
    expect(JSON.parse(String(amended['Wrong Calls']))[2][3]).toBe(
      'I missed F.',
    );
    expect(
      (bundle.call('verifyScorecard', [], {trigger: 'menu'}) as {ok: boolean})
        .ok,
    ).toBe(true);
  });

  it('a deal named in an earlier week is not named again; without last week’s Deal History there are none', () => {
    const {emulator, bundle} = world();
    expect(load(bundle).scorecard.record.wrongCalls).toBeUndefined();
    const w = wrongCallsWeek(emulator);
    const data = load(bundle);
    saveWords(bundle, data.weekEnding, [{dealId: w.a.id, words: 'Named.'}]);
    // That row moved to the week before: A was named then.
    values(emulator, 'CRO Words')[1][0] = new Date(
      weekEndingCell(emulator).getTime() - 7 * DAY,
    );
    expect(load(bundle).scorecard.record.wrongCalls!.map(c => c.id)).toEqual([
      w.b.id,
      w.f.id,
    ]);
  });

  it('with last week’s Deal History, a Deals tab without Close Date is refused by the snapshot, naming it, and shown by the sidebar', () => {
    const {emulator, bundle} = world();
    wrongCallsWeek(emulator);
    values(emulator, 'Deals')[0][col(emulator, 'Deals', 'Close Date')] =
      'Close (old)';
    expect(() => bundle.call('snapshotWeek', [], {trigger: 'sidebar'})).toThrow(
      'The "Deals" tab has no "Close Date" header in row 1',
    );
    expect(values(emulator, 'Scorecard')).toHaveLength(1);
    const data = load(bundle);
    expect(data.dealsProblem).toContain('no "Close Date" header');
    expect(data.plan.commitments.length).toBeGreaterThan(0);
  });

  it('a Quarters tab that cannot be read is named by the snapshot and shown by the sidebar, never silently dropped', () => {
    const {emulator, bundle} = world();
    const quarters = values(emulator, 'Quarters');
    const row = quarters.indexOf(currentQuarter(emulator));
    quarters[row][col(emulator, 'Quarters', 'Commit')] = 'n/a';
    const refused = `The "Quarters" tab, row ${row + 1}: Commit is "n/a", not an amount.`;
    expect(() => bundle.call('snapshotWeek', [], {trigger: 'sidebar'})).toThrow(
      refused,
    );
    expect(values(emulator, 'Scorecard')).toHaveLength(1);
    expect(load(bundle).dealsProblem).toBe(refused);
    // A misspelt header is named too; blank cells of a quarter to come are fine.
    quarters[row][col(emulator, 'Quarters', 'Commit')] = '';
    quarters[0][col(emulator, 'Quarters', 'Quarter End')] = 'Quarter Ending';
    expect(() => bundle.call('snapshotWeek', [], {trigger: 'sidebar'})).toThrow(
      'The "Quarters" tab has no "Quarter End" header in row 1',
    );
  });

  it('a retried email carries the words as recorded on the row, whatever the words tab says later', () => {
    const {emulator, bundle} = world({mailQuota: 0});
    const w = wrongCallsWeek(emulator);
    const data = load(bundle);
    saveWords(bundle, data.weekEnding, [
      {dealId: w.a.id, words: EQUALS},
      {dealId: '', words: 'Six weeks ago I made three commitments.'},
    ]);
    bundle.call('installSchedule', [], {trigger: 'menu'});
    snapshot(bundle);
    expect(emulator.outbox).toHaveLength(0);
    // The words tab is emptied after the record: the retry is built from the row.
    values(emulator, 'CRO Words').splice(1);
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    emulator.ctx.setNow(new Date('2026-11-22T07:05:00Z'));
    bundle.call('onScheduleTick', [], {trigger: 'time'});
    expect(emulator.outbox).toHaveLength(1);
    const mail = emulator.outbox[0];
    expect(mail.htmlBody).toContain(EQUALS);
    expect(mail.htmlBody).toContain('Recommit update');
    expect(mail.body).toContain(
      'Recommit update:\nSix weeks ago I made three commitments.',
    );
    expect(mail.body).toContain(
      `- ${w.f.deal} (went Closed Lost): not yet named`,
    );
  });
});

describe('the recommit update (issue 13 §5)', () => {
  it('is saved as the CRO edited it, escaped in the email and the handout, and left out when emptied', () => {
    const {emulator, bundle} = world();
    const data = load(bundle);
    const update =
      'Six weeks ago I made three commitments. Here is the status of each one.\n\nHere is what I am doing about the <red> & the yellow:\n- =gate review';
    expect(
      saveWords(bundle, data.weekEnding, [{dealId: '', words: update}]).ok,
    ).toBe(true);
    expect(load(bundle).scorecard.record.recommit).toBe(update);
    expect(
      wordsTab(emulator)!
        .formulas.flat()
        .every(f => f === ''),
    ).toBe(true);
    snapshot(bundle);
    expect(byHeader(values(emulator, 'Scorecard'), 1)['Recommit Update']).toBe(
      update,
    );
    const mail = emulator.outbox[0];
    expect(mail.htmlBody).toContain('about the &lt;red&gt; &amp; the yellow');
    expect(mail.body).toContain(`Recommit update:\n${update}\n`);
    expect(pdfText(mail.attachments[0].bytes)).toContain('Recommit update');
    // Emptied: the amendment leaves it out, and the CFO's next email has none.
    saveWords(bundle, data.weekEnding, [{dealId: '', words: '  '}]);
    expect(snapshot(bundle).status).toBe('amended');
    const amended = byHeader(values(emulator, 'Scorecard'), 2);
    expect(amended['Changes']).toBe('Recommit Update: changed');
    expect(amended['Recommit Update']).toBe('');
  });
});

describe('the re-inflation warning in the weekly email (issue 13 §2)', () => {
  it('shows REINFLATION_CHECK’s verdict when the current quarter’s commit is aggressive too soon (the sample’s own quarter is OK: see the last test)', () => {
    const {emulator, bundle} = world();
    const quarters = values(emulator, 'Quarters');
    const [commit, actual] = ['Commit', 'Actual'].map(h =>
      col(emulator, 'Quarters', h),
    );
    // The case's Q3 → Q4 step, one quarter earlier: the quarter of week 7 commits 32.0M after one delivered quarter.
    const current = currentQuarter(emulator);
    const before = quarters[quarters.indexOf(current) - 1];
    before[commit] = 26_500_000;
    before[actual] = 28_300_000;
    current[commit] = 32_000_000;
    current[actual] = '';
    const verdict = (
      bundle.call(
        'REINFLATION_CHECK',
        [
          [[26_500_000], [32_000_000]],
          [[28_300_000], ['']],
        ],
        {trigger: 'custom-function'},
      ) as string[][]
    )[1][0];
    expect(verdict).toBe('AGGRESSIVE TOO SOON: 1 of 2 delivered');
    snapshot(bundle);
    const warning = `${String(current[0])}: ${verdict}`;
    expect(
      byHeader(values(emulator, 'Scorecard'), 1)['Re-inflation Warning'],
    ).toBe(warning);
    const mail = emulator.outbox[0];
    expect(mail.htmlBody).toContain(`Re-inflation warning:</b> ${warning}.`);
    expect(mail.body).toContain(`Re-inflation warning: ${warning}.`);
    expect(pdfText(mail.attachments[0].bytes)).toContain(
      'Re-inflation warning',
    );
  });
});

describe('the dual scorecard (issue 13 §7)', () => {
  const number = (v: unknown) => v as number;

  it('with a Downturn-Adjusted Commit for the quarter: the week’s commit scaled as the quarter’s, both variances side by side and the gap', () => {
    const {emulator, bundle} = world();
    const current = currentQuarter(emulator);
    const adjustedAt = col(emulator, 'Quarters', 'Downturn-Adjusted Commit');
    current[adjustedAt] =
      number(current[col(emulator, 'Quarters', 'Commit')]) * 0.9;
    const data = load(bundle);
    const {committed, closed} = data.scorecard.record;
    const adjusted = Math.round(number(committed) * 0.9);
    expect(data.scorecard.record.adjustedCommitted).toBe(adjusted);
    snapshot(bundle);
    const row = byHeader(values(emulator, 'Scorecard'), 1);
    expect(row['Adjusted Committed']).toBe(adjusted);
    expect(row['Adjusted Variance']).toBeCloseTo(
      Math.abs(number(closed) - adjusted) / adjusted,
      12,
    );
    const html = emulator.outbox[0].htmlBody;
    expect(html).toContain(
      'Against the original and the downturn-adjusted commit',
    );
    const original = number(row['Forecast Variance']);
    const against = number(row['Adjusted Variance']);
    expect(html).toMatch(
      new RegExp(
        `Forecast variance</td><td[^>]*>${percent(original)}</td><td[^>]*>${percent(against)}</td><td[^>]*>${percent(Math.abs(original - against)).slice(0, -1)} points`,
      ),
    );
    expect(emulator.outbox[0].body).toMatch(
      /Against the original commit \(\$[\d,]+\): variance .* Gap: \$[\d,]+, [\d.]+ points\./,
    );
  });

  it('a Downturn-Adjusted Committed column on the Forecast week wins over the quarter’s', () => {
    const {emulator, bundle} = world();
    const forecast = values(emulator, 'Forecast');
    const at = forecast[0].length;
    forecast[0][at] = 'Downturn-adjusted committed';
    for (const r of forecast.slice(1)) r[at] = r[0] === 7 ? 2_000_000 : '';
    currentQuarter(emulator)[
      col(emulator, 'Quarters', 'Downturn-Adjusted Commit')
    ] = 1;
    snapshot(bundle);
    const row = byHeader(values(emulator, 'Scorecard'), 1);
    expect(row['Adjusted Committed']).toBe(2_000_000);
    expect(row['Adjusted Variance']).toBeCloseTo(
      Math.abs(number(row['Closed']) - 2_000_000) / 2_000_000,
      12,
    );
  });

  it('without an adjusted commit, wrong calls, words or warning, the row and the email are as before', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const row = byHeader(values(emulator, 'Scorecard'), 1);
    for (const h of [
      'Wrong Calls',
      'Recommit Update',
      'Adjusted Committed',
      'Adjusted Variance',
      'Re-inflation Warning',
    ])
      expect(row[h]).toBe('');
    const mail = emulator.outbox[0];
    for (const text of ['Wrong calls', 'Recommit', 'downturn', 'Re-inflation'])
      expect(mail.htmlBody + mail.body).not.toContain(text);
    expect(emulator.spreadsheet.sheets.map(s => s.state.name)).not.toContain(
      'CRO Words',
    );
  });
});
