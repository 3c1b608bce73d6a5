/**
 * The signed 60-day plan through the built bundle (issue 13 §4), as a team:
 * an admin owns the file, an analyst set it up, the CRO signs, a rep is
 * refused. The spreadsheet is in Tokyo, east of the script's New York, and
 * the signing happens early on a Tokyo morning, when New York is still on
 * the day before: day 1 is Tokyo's day.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {confirmingSnapshot} from '../helpers/snapshot';

const ADMIN = 'admin@acme.example';
const ANALYST = 'analyst@acme.example';
const CRO = SAMPLE_PEOPLE.cro;
const REP = 'rep@acme.example';

/** Tuesday 24 November 2026, 08:30 in Tokyo: still Monday the 23rd, 18:30, in New York. */
const TOKYO_TUESDAY_MORNING = new Date('2026-11-24T08:30:00+09:00');
/** Tokyo's midnight starting the 24th: what a date cell of that day holds. */
const TOKYO_24TH = new Date('2026-11-24T00:00:00+09:00');

function team() {
  const emulator = sampleWorkbook({
    emulator: {
      owner: ADMIN,
      user: ANALYST,
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'Asia/Tokyo',
    },
  });
  const bundle = loadBundle(emulator);
  emulator.ctx.setNow(TOKYO_TUESDAY_MORNING);
  const as = (user: string) => ({user, trigger: 'menu' as const});
  // The CRO Email setting names the CRO: set-up again makes them a keeper.
  bundle.call('setUpWorkbook', [], as(ANALYST));
  return {emulator, bundle, as};
}

const sheet = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name);

function tab(emulator: Emulator, name: string): unknown[][] {
  return sheet(emulator, name)!.state.values.map(r => [...r]);
}

/** Every tab's cells and protections: what "nothing changed" means. */
const everything = (emulator: Emulator) =>
  JSON.stringify(
    emulator.spreadsheet.sheets.map(s => [
      s.state.name,
      s.state.values,
      s.state.protections,
    ]),
  );

/** Sets one column of the Commitments tab for a commitment, as a person types it. */
function setCommitment(
  emulator: Emulator,
  id: string,
  header: string,
  value: string | boolean,
) {
  const values = sheet(emulator, 'Commitments')!.state.values;
  const row = values.findIndex(r => r[0] === id);
  values[row][values[0].indexOf(header)] = value;
}

function sign(
  bundle: ReturnType<typeof loadBundle>,
  emulator: Emulator,
  user: string = CRO,
) {
  bundle.call('signPlan', [], {user, trigger: 'menu'});
  return emulator.ui.alerts.at(-1)!;
}

const verify = (bundle: ReturnType<typeof loadBundle>) =>
  bundle.call('verifyScorecard', [], {user: CRO, trigger: 'menu'}) as {
    ok: boolean;
    message: string;
  };

describe('Sign the 60-day plan', () => {
  it('refuses, changing nothing, fewer than 3 active commitments, a commitment without a metric or target, more than 5, a rep, and an empty CRO Name', () => {
    const {emulator, bundle} = team();
    const before = everything(emulator);

    setCommitment(emulator, 'C3', 'Active', false);
    expect(sign(bundle, emulator)).toMatch(
      /^Plan not signed\n\nThe 60-day plan needs 3 to 5 active commitments on the Commitments tab, each with a Commitment, a Metric and a Target \(its "Active", "Commitment", "Metric" and "Target" columns\): there are 2\. Nothing was signed\.$/,
    );
    setCommitment(emulator, 'C3', 'Active', true);

    setCommitment(emulator, 'C2', 'Metric', '');
    setCommitment(emulator, 'C3', 'Target', ' ');
    setCommitment(emulator, 'C3', 'Commitment', '');
    expect(sign(bundle, emulator)).toMatch(
      /there are 3; C2 has no Metric; C3 has no Commitment and Target\. Nothing was signed\.$/,
    );
    setCommitment(emulator, 'C2', 'Metric', 'Save-play execution rate');
    setCommitment(emulator, 'C3', 'Target', '5% or less by week 12');
    setCommitment(emulator, 'C3', 'Commitment', 'Call the week within 5%');

    const commitments = sheet(emulator, 'Commitments')!.state.values;
    const restore = commitments.map(r => [...r]);
    for (const id of ['C5', 'C6', 'C7'])
      commitments.push([id, `Do ${id}`, 'm', 't', 'o', true]);
    setCommitment(emulator, 'C4', 'Active', true);
    expect(sign(bundle, emulator)).toMatch(
      /: there are 7\. Nothing was signed\.$/,
    );
    commitments.splice(0, commitments.length, ...restore);

    expect(sign(bundle, emulator, REP)).toMatch(
      /^Plan not signed\n\nrep@acme\.example cannot sign the 60-day plan: only the keepers of the record may write/,
    );

    const settings = sheet(emulator, 'Settings')!.state.values;
    const cro = settings.findIndex(r => r[0] === 'CRO Name');
    settings[cro][1] = '';
    expect(sign(bundle, emulator)).toMatch(/Settings: "CRO Name" is empty/);
    settings[cro][1] = SAMPLE_PEOPLE.croName;

    expect(everything(emulator)).toBe(before);
    expect(sheet(emulator, 'Plan')).toBeUndefined();
  });

  it("records the active commitments, the CRO Name and Tokyo's day in a chained Plan tab protected for the keepers; a rep cannot edit it", () => {
    const {emulator, bundle} = team();
    expect(sign(bundle, emulator)).toBe(
      `60-day plan signed\n\nVersion 1 of the 60-day plan is signed for ${SAMPLE_PEOPLE.croName} on 2026-11-24 and recorded in the protected Plan tab. Today is day 1 of 60.`,
    );
    const plan = tab(emulator, 'Plan');
    expect(plan[0]).toEqual([
      'Version',
      'Signed On',
      'Signed By',
      'CRO Name',
      'Reason',
      'Commitment ID',
      'Commitment',
      'Metric',
      'Target',
      'Chain',
    ]);
    expect(plan.slice(1).map(r => r.slice(0, 9))).toEqual(
      ['C1', 'C2', 'C3'].map(id => {
        const c = tab(emulator, 'Commitments').find(r => r[0] === id)!;
        return [
          1,
          TOKYO_24TH,
          CRO,
          SAMPLE_PEOPLE.croName,
          '',
          id,
          c[1],
          c[2],
          c[3],
        ];
      }),
    );
    expect(new Set(plan.slice(1).map(r => r[9])).size).toBe(3);
    expect(sheet(emulator, 'Plan')!.state.frozenRows).toBe(1);
    const protection = sheet(emulator, 'Plan')!.state.protections[0];
    expect([...protection.editors].sort()).toEqual(
      [ADMIN, ANALYST, CRO].sort(),
    );
    expect(protection.description).toMatch(/keepers of the record/);

    emulator.run({user: REP}, () => {
      const ss = emulator.spreadsheet.exposed();
      expect(() =>
        ss.getSheetByName('Plan')!.getRange(2, 9).setValue('0%'),
      ).toThrow(/protected cell or object/);
    });
    expect(verify(bundle).ok).toBe(true);
  });

  it('signing the same commitments again records nothing and says so', () => {
    const {emulator, bundle} = team();
    sign(bundle, emulator);
    const before = everything(emulator);
    expect(sign(bundle, emulator)).toBe(
      'Nothing to sign\n\nThe commitments on the Commitments tab are the plan signed on 2026-11-24 (version 1): nothing was recorded. To change the plan, change the commitments first.',
    );
    expect(everything(emulator)).toBe(before);
  });

  it('verifyScorecard names each signed commitment changed since, and a new version needs a reason, keeps the old one and keeps day 1', () => {
    const {emulator, bundle} = team();
    sign(bundle, emulator);
    setCommitment(emulator, 'C2', 'Target', '90% or more');
    setCommitment(
      emulator,
      'C1',
      'Commitment',
      'Every Commit deal passes the gate, every week',
    );
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(
      /Changed on the Commitments tab since the 60-day plan was signed \(version 1, 2026-11-24\): C1 \(wording\), C2 \(target\)\. To record the change, sign the plan again with a reason/,
    );
    bundle.call('verifyScorecardFromMenu', [], {user: CRO, trigger: 'menu'});
    expect(emulator.ui.alerts.at(-1)).toMatch(/^Signed plan changed\n\n/);

    // A blank reason is refused; a cancelled question says nothing; neither records.
    const before = everything(emulator);
    emulator.ui.replies.push({button: 'OK', text: '   '});
    expect(sign(bundle, emulator)).toBe(
      'Plan not signed\n\nA new version of the plan needs a reason: nothing was signed.',
    );
    const alerts = emulator.ui.alerts.length;
    emulator.ui.replies.push({button: 'CANCEL'});
    bundle.call('signPlan', [], {user: CRO, trigger: 'menu'});
    expect(emulator.ui.alerts).toHaveLength(alerts);
    expect(everything(emulator)).toBe(before);
    expect(emulator.ui.prompts.at(-1)).toBe(
      'Sign version 2 of the 60-day plan\n\nThe commitments changed since the plan was signed. Why? The reason is recorded with the new version.',
    );

    // A week later (Tokyo), with a reason.
    emulator.ctx.setNow(new Date('2026-12-01T09:00:00+09:00'));
    emulator.ui.replies.push({
      button: 'OK',
      text: '=HYPERLINK("x") the CFO asked for 90%',
    });
    expect(sign(bundle, emulator)).toBe(
      `60-day plan signed\n\nVersion 2 of the 60-day plan is signed for ${SAMPLE_PEOPLE.croName} on 2026-12-01 and recorded in the protected Plan tab. Changed since version 1: C1 (wording), C2 (target). Its 60 days still count from 2026-11-24 (day 1).`,
    );
    const plan = tab(emulator, 'Plan');
    expect(plan.map(r => r[0])).toEqual(['Version', 1, 1, 1, 2, 2, 2]);
    // The reason is text, never a formula.
    expect(plan[4][4]).toBe('=HYPERLINK("x") the CFO asked for 90%');
    expect(Object.keys(sheet(emulator, 'Plan')!.state.formulas)).toEqual([]);
    expect(plan[5][8]).toBe('90% or more');
    expect(verify(bundle).ok).toBe(true);

    // No longer active is a change too.
    setCommitment(emulator, 'C3', 'Active', false);
    expect(verify(bundle).message).toMatch(/: C3 \(no longer active\)\./);
  });

  it('verifyScorecard names a Plan row edited behind the protection (the owner can)', () => {
    const {emulator, bundle} = team();
    sign(bundle, emulator);
    emulator.run({user: ADMIN}, () => {
      emulator.spreadsheet
        .exposed()
        .getSheetByName('Plan')!
        .getRange(3, 9)
        .setValue('50% or more');
    });
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toMatch(
      /Plan row 3 was changed after it was signed: its content no longer matches the chain value recorded when it was written\. Every Plan row after it is unverified/,
    );
    // And the Commitments tab no longer matches the (edited) plan.
    expect(verdict.message).toMatch(/C2 \(target\)/);
  });
});

describe('the signed plan in the weekly email', () => {
  /** The week's snapshot as the CRO takes it from the sidebar (confirming before the scheduled time). */
  function snapshotAt(
    bundle: ReturnType<typeof loadBundle>,
    emulator: Emulator,
    at: string,
  ) {
    emulator.ctx.setNow(new Date(at));
    const sent = emulator.outbox.length;
    const result = confirmingSnapshot(args =>
      bundle.call('snapshotWeek', [args], {user: CRO, trigger: 'sidebar'}),
    ) as {status: string; scorecardRow: number};
    expect(result.status).toBe('recorded');
    const scorecard = tab(emulator, 'Scorecard');
    const row = scorecard[result.scorecardRow - 1];
    const planData = row[scorecard[0].indexOf('Plan Data')];
    expect(emulator.outbox).toHaveLength(sent + 1);
    return {planData, mail: emulator.outbox.at(-1)!};
  }

  /** A grade typed into the Grades tab for the week ending on `day` (Tokyo). */
  function grade(
    emulator: Emulator,
    day: string,
    id: string,
    g: string,
    reason: string,
  ) {
    const grades = sheet(emulator, 'Grades')!.state.values;
    grades.push([
      new Date(`${day}T00:00:00+09:00`),
      id,
      g,
      reason,
      `Next for ${id}`,
      CRO,
      new Date(`${day}T15:00:00+09:00`),
    ]);
  }

  it('shows "day N of 60" of the week ending and the signed date, counted on Tokyo\'s calendar, carried by the Scorecard row', () => {
    const {emulator, bundle} = team();
    sign(bundle, emulator);
    // Friday 27 November, 08:00 in Tokyo: Thursday evening in New York. Day 4.
    const {planData, mail} = snapshotAt(
      bundle,
      emulator,
      '2026-11-27T08:00:00+09:00',
    );
    const data = JSON.parse(String(planData));
    expect(data).toMatchObject({
      version: 1,
      signed: '2026-11-24',
      on: '2026-11-24',
      day: 4,
    });
    expect(data.commitments.map((c: string[]) => c[0])).toEqual([
      'C1',
      'C2',
      'C3',
    ]);
    expect(mail.htmlBody).toContain(
      '<b>60-day plan: day 4 of 60</b>, signed 2026-11-24.',
    );
    expect(mail.body).toContain('60-day plan: day 4 of 60, signed 2026-11-24.');
    expect(mail.htmlBody).not.toContain('each target against its result');
    // The row is chained with its Plan Data: verification still holds.
    expect(verify(bundle).ok).toBe(true);
  });

  it('the email of the week ending on day 54 to 60 sets each target against its result (the grade recorded that week, reason as written, escaped); day 53 does not; from day 61 the plan is off the row', () => {
    const {emulator, bundle} = team();
    sign(bundle, emulator);
    setCommitment(emulator, 'C2', 'Target', '<i>80%</i> or more');
    emulator.ui.replies.push({
      button: 'OK',
      text: 'Target in words the CFO uses',
    });
    sign(bundle, emulator);

    // Friday 15 January 2027 is day 53: not the last email.
    const day53 = snapshotAt(bundle, emulator, '2027-01-15T17:30:00+09:00');
    expect(day53.mail.htmlBody).toContain('day 53 of 60');
    expect(day53.mail.htmlBody).toContain('(version 2 signed 2026-11-24)');
    expect(day53.mail.htmlBody).not.toContain('each target against its result');

    // Friday 22 January 2027 is day 60: the last weekly email of the 60 days.
    grade(emulator, '2027-01-22', 'C1', 'Green', '');
    grade(emulator, '2027-01-22', 'C2', 'Red', 'Two <b>late</b> save-plays');
    const last = snapshotAt(bundle, emulator, '2027-01-22T17:30:00+09:00');
    const html = last.mail.htmlBody;
    expect(html).toContain('day 60 of 60');
    expect(html).toContain('The 60-day plan: each target against its result');
    const table = html.slice(html.indexOf('each target against its result'));
    expect(table).toContain('100% by week 8');
    expect(table).toContain('&lt;i&gt;80%&lt;/i&gt; or more');
    expect(table).toContain('Two &lt;b&gt;late&lt;/b&gt; save-plays');
    expect(table).not.toContain('<b>late</b>');
    expect(table).toMatch(/>GREEN<\/span>/);
    expect(table).toMatch(/>RED<\/span> Two &lt;b&gt;late/);
    expect(table).toContain('5% or less by week 12');
    expect(table).toContain('not graded this week');
    expect(last.mail.body).toContain(
      '- A save-play for every signalled deal, every week (Save-play execution rate): target <i>80%</i> or more; result Red — Two <b>late</b> save-plays',
    );
    expect(last.mail.body).toContain(
      '- Call the week within 5% (Weekly forecast variance): target 5% or less by week 12; result not graded this week',
    );

    // Friday 29 January 2027 is day 67: the 60 days are over.
    const after = snapshotAt(bundle, emulator, '2027-01-29T17:30:00+09:00');
    expect(after.planData).toBe('');
    expect(after.mail.htmlBody).not.toContain('60-day plan');
    expect(verify(bundle).ok).toBe(true);
  });

  it('a retried email carries the plan as its row recorded it, not as it is signed by then', () => {
    const {emulator, bundle} = team();
    bundle.call('installSchedule', [], {user: CRO, trigger: 'menu'});
    sign(bundle, emulator);
    emulator.failNextEmail('Service unavailable: Mail');
    emulator.ctx.setNow(new Date('2026-11-27T08:00:00+09:00'));
    confirmingSnapshot(args =>
      bundle.call('snapshotWeek', [args], {user: CRO, trigger: 'sidebar'}),
    );
    const sent = emulator.outbox.length;
    // Signed again before the retry: the retried email still says what the row recorded.
    setCommitment(emulator, 'C2', 'Target', '90% or more');
    emulator.ui.replies.push({button: 'OK', text: 'Raised after the review'});
    sign(bundle, emulator);
    emulator.ctx.setNow(new Date('2026-11-28T16:30:00+09:00'));
    bundle.call('onScheduleTick', [], {user: CRO, trigger: 'time'});
    expect(emulator.outbox).toHaveLength(sent + 1);
    const mail = emulator.outbox.at(-1)!;
    expect(mail.htmlBody).toContain(
      '<b>60-day plan: day 4 of 60</b>, signed 2026-11-24.',
    );
    expect(mail.htmlBody).not.toContain('version 2');
  });
});
