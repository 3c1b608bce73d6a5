/**
 * Issue 11 §1, §3 and the CRO Name, through the built bundle: the grades
 * travel as data (no reason, next action or title can change a grade, a
 * badge or a count), rows recorded by the previous version still verify and
 * can be re-sent, a deleted last row is named by its week, and the CRO is
 * named on the row, in the email and in the PDF handout.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pdfText, useTextPdfs} from '../helpers/pdf';
import {weekSeven} from '../helpers/week-seven';
import type {LoadedBundle} from '../../emulator/loader';
import {sidebarSnapshot as snapshot} from '../helpers/snapshot';
import {SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import type {CellValue} from '../../emulator/spreadsheet';
import {
  METADATA_LIMIT_CHARS,
  THIS_PROJECT,
} from '../../emulator/developer-metadata';
import type {SidebarData} from '../../src/domain/sidebar/types';
import {SCORECARD} from '../../src/domain/workbook';

/** Every Scorecard column added after Chain (CRO Name, Grades Data, then the later features'). */
const LATER = SCORECARD.columns
  .map(c => c.header)
  .slice(SCORECARD.columns.findIndex(c => c.header === 'Chain') + 1);

useTextPdfs();

const world = weekSeven;

const sheetOf = (emulator: Emulator, name: string) => {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
};
const tab = (emulator: Emulator, name: string) =>
  sheetOf(emulator, name).state.values.map(r => [...r]);
const byHeader = (rows: unknown[][], row: number) =>
  Object.fromEntries(rows[0].map((h, i) => [String(h), rows[row][i]]));

/** The scheduled run of Sunday 22 November, 16:05 in Tokyo (the sample's zone): it retries what failed. */
function nextDaysRun(emulator: Emulator, bundle: LoadedBundle) {
  emulator.ctx.setNow(new Date('2026-11-22T07:05:00Z'));
  bundle.call('onScheduleTick', [], {trigger: 'time'});
}
type Verdict = {
  ok: boolean;
  rows: number;
  brokenRow?: number;
  missingWeeks?: string[];
  message: string;
};
const verify = (bundle: LoadedBundle) =>
  bundle.call('verifyScorecard', [], {trigger: 'menu'}) as Verdict;

/** The week ending of the sample's week 7, as its Forecast cell holds it. */
const weekEndingCell = (emulator: Emulator) =>
  tab(emulator, 'Forecast').find(r => r[0] === 7)![1] as Date;

type Graded = [id: string, grade: string, reason: string, next: string];

/** Grades rows for week 7, as the sidebar writes them. */
function grade(emulator: Emulator, grades: Graded[]) {
  const friday = weekEndingCell(emulator);
  const at = new Date('2026-11-20T23:30:00Z');
  sheetOf(emulator, 'Grades').state.values.push(
    ...grades.map(([id, g, reason, next]) => [
      friday,
      id,
      g,
      reason,
      next,
      SAMPLE_PEOPLE.cro,
      at,
    ]),
  );
}

/** What the CFO reads, by part: the off-target list, and the commitments' badges and rows. */
function read(html: string) {
  const [, afterOff = ''] = html.split('Off target this week:');
  const offTarget = afterOff.split('</ul>')[0];
  const [, commitments = ''] = html.split('>Commitments (');
  return {
    offTargetItems: (offTarget.match(/<li>/g) ?? []).length,
    offTarget,
    counts: commitments.split(')</h3>')[0],
    rows: (commitments.match(/<tr>/g) ?? []).length,
    badges: [...commitments.matchAll(/font-size:12px">([A-Z—]+)</g)].map(
      m => m[1],
    ),
  };
}

/** The three hostile reasons of issue 11 §1, all graded Red. */
const HOSTILE: Graded[] = [
  ['C1', 'Red', 'EB calls slipped): Green — all deals passed', 'Gate review'],
  [
    'C2',
    'Red',
    'Two save-plays missed\nC9 (Board-approved hiring plan): Green — on track',
    'Owner per signal',
  ],
  ['C3', 'Red', 'Two deals slipped', 'Call the number Monday\r\nC5 (x): Green'],
];

function expectThreeRed(html: string, text: string) {
  const seen = read(html);
  expect(seen.counts).toBe('0 green, 0 yellow, 3 red');
  expect(seen.rows).toBe(3);
  expect(seen.badges).toEqual(['RED', 'RED', 'RED']);
  expect(seen.offTarget.match(/graded Red/g)).toHaveLength(3);
  expect(seen.offTarget).not.toContain('was not graded');
  expect(text).toContain('Commitments (0 green, 0 yellow, 3 red):');
  expect(text).not.toContain('not graded');
  expect(text.match(/^- .*: Red — /gm)).toHaveLength(3);
}

describe('grades travel as data (issue 11 §1)', () => {
  it('a reason that mimics a grade line, a forged line after a line break, and a CR/LF next action change no grade, badge or count', () => {
    const {emulator, bundle} = world();
    grade(emulator, HOSTILE);
    expect(snapshot(bundle).status).toBe('recorded');
    const mail = emulator.outbox[0];
    expectThreeRed(mail.htmlBody, mail.body);
    // The texts show as typed, line breaks included.
    expect(mail.body).toContain(
      'Two save-plays missed\nC9 (Board-approved hiring plan): Green — on track',
    );
    expect(mail.htmlBody).toContain('white-space:pre-wrap');
    // The handout, as a reader's pdftotext sees it: the same counts, no commitment left ungraded.
    const handout = pdfText(mail.attachments[0].bytes);
    expect(handout).toContain('Commitments (0 green, 0 yellow, 3 red)');
    expect(handout).not.toContain('not graded');
    const row = byHeader(tab(emulator, 'Scorecard'), 1);
    expect([row['Green'], row['Yellow'], row['Red']]).toEqual([0, 0, 3]);
    // The display cell keeps one kind of line break, so the chain verifies whatever a cell keeps of a CR.
    expect(String(row['Commitment Grades'])).not.toContain('\r');
    expect(JSON.parse(String(row['Grades Data']))).toEqual([
      [
        'C1',
        'Every Commit deal passes the qualification gate',
        'Red',
        HOSTILE[0][2],
        HOSTILE[0][3],
      ],
      [
        'C2',
        'A save-play for every signalled deal, every week',
        'Red',
        HOSTILE[1][2],
        HOSTILE[1][3],
      ],
      ['C3', 'Call the week within 5%', 'Red', HOSTILE[2][2], HOSTILE[2][3]],
    ]);
    expect(verify(bundle).ok).toBe(true);
  });

  it('the retry of a failed email is built from the recorded data, not from the display cell', () => {
    const {emulator, bundle} = world({mailQuota: 0});
    grade(emulator, HOSTILE);
    bundle.call('installSchedule', [], {trigger: 'menu'});
    snapshot(bundle);
    expect(emulator.outbox).toHaveLength(0);
    emulator.mail.remaining = {};
    emulator.mail.dailyQuota = 100;
    nextDaysRun(emulator, bundle);
    expect(emulator.outbox).toHaveLength(1);
    expectThreeRed(emulator.outbox[0].htmlBody, emulator.outbox[0].body);
  });

  it('an ordinary two-line reason typed in the sidebar and a line break in a Commitments title add no phantom commitment', () => {
    const {emulator, bundle} = world();
    const commitments = sheetOf(emulator, 'Commitments').state.values;
    commitments[1][1] = 'Every Commit deal\npasses the gate';
    const cro = {user: SAMPLE_PEOPLE.cro, trigger: 'sidebar' as const};
    const data = bundle.call('loadSidebar', [], cro) as SidebarData;
    const saved = bundle.call(
      'saveGrades',
      [
        {
          weekEnding: data.weekEnding,
          grades: data.plan.commitments.map(c => ({
            commitmentId: c.id,
            grade: c.id === 'C2' ? 'Yellow' : 'Green',
            reason:
              c.id === 'C2'
                ? 'Two deals slipped.\nBoth are back in Commit.'
                : '',
            nextAction: `Keep ${c.id} on track`,
            version: c.version,
          })),
        },
      ],
      cro,
    ) as {ok: boolean};
    expect(saved.ok).toBe(true);
    snapshot(bundle);
    const seen = read(emulator.outbox[0].htmlBody);
    expect(seen.counts).toBe('2 green, 1 yellow, 0 red');
    expect(seen.badges).toEqual(['GREEN', 'YELLOW', 'GREEN']);
    expect(seen.offTarget).not.toContain('was not graded');
    expect(emulator.outbox[0].body).toContain(
      '- Every Commit deal\npasses the gate: Green',
    );
    // The display cell shows the text as typed (and is never read back).
    expect(
      String(byHeader(tab(emulator, 'Scorecard'), 1)['Commitment Grades']),
    ).toContain('Yellow — Two deals slipped.\nBoth are back in Commit.');
  });

  it('refuses, naming the commitment, grades too long for one cell, and records nothing', () => {
    const {emulator, bundle} = world();
    sheetOf(emulator, 'Commitments').state.values[2][1] = 'x'.repeat(50_000);
    expect(() => snapshot(bundle)).toThrow(
      /^Commitment C2 \("x{40}"\) is too long to record: .* 50,000 characters/,
    );
    expect(tab(emulator, 'Scorecard')).toHaveLength(1);
  });
});

describe('rows recorded by the previous version', () => {
  /** The fixture: Scorecard rows written by the bundle before this change (commit 32ad874). */
  function withV1Rows() {
    const w = world();
    const fixture = JSON.parse(
      readFileSync(join(__dirname, 'fixtures', 'scorecard-v1.json'), 'utf8'),
    ) as {values: unknown[][]};
    const revive = (v: unknown): unknown =>
      v && typeof v === 'object' && 'date' in v
        ? new Date((v as {date: string}).date)
        : v;
    sheetOf(w.emulator, 'Scorecard').state.values = fixture.values.map(r =>
      r.map(revive),
    ) as CellValue[][];
    return w;
  }

  it('still verify, and the head of the record starts with the first verification', () => {
    const {emulator, bundle} = withV1Rows();
    const first = verify(bundle);
    expect(first.ok).toBe(true);
    expect(first.message).toMatch(
      /All 2 Scorecard rows match their chain values.* The record's head starts now/,
    );
    expect(verify(bundle).message).not.toContain('starts now');
    // Set-up adds the later columns to the old tab; empty, they leave the old rows' chain as it was.
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    expect(tab(emulator, 'Scorecard')[0].slice(-LATER.length)).toEqual(LATER);
    expect(LATER.slice(0, 2)).toEqual(['CRO Name', 'Grades Data']);
    expect(verify(bundle).ok).toBe(true);
  });

  it('are re-sent with the counts recorded and the grades text as written, never parsed', () => {
    const {emulator, bundle} = withV1Rows();
    // The sources as they were when the fixture's amendment (row 3) was recorded.
    grade(emulator, [
      HOSTILE[0].slice(0, 3).concat('Gate review Tuesday') as Graded,
      HOSTILE[1],
      HOSTILE[2]
        .slice(0, 3)
        .concat('Call the number Monday\r\nfrom Commit only') as Graded,
    ]);
    const week7 = sheetOf(emulator, 'Forecast').state.values.find(
      r => r[0] === 7,
    )!;
    week7[3] = (week7[3] as number) + 50_000;
    bundle.call('installSchedule', [], {trigger: 'menu'});
    // Its email failed (a line of the log from before the Chain column): the next day's run retries it.
    sheetOf(emulator, 'Delivery Log').state.values.push([
      new Date('2026-11-21T00:00:00Z'),
      3,
      weekEndingCell(emulator),
      SAMPLE_PEOPLE.cfo,
      'failed',
      'Service unavailable: Mail',
    ]);
    expect(snapshot(bundle).status).toBe('unchanged');
    nextDaysRun(emulator, bundle);
    expect(emulator.outbox).toHaveLength(1);
    const mail = emulator.outbox[0];
    const seen = read(mail.htmlBody);
    expect(seen.counts).toBe('0 green, 0 yellow, 3 red');
    // No badge per commitment: an old row's text is shown, never turned into grades.
    expect(seen.badges).toEqual([]);
    expect(mail.htmlBody).toContain('recorded before grades were kept as data');
    expect(seen.offTarget).toContain('3 commitments graded Red or Yellow');
    expect(seen.offTarget).not.toContain('was not graded');
    expect(mail.body).toContain('C9 (Board-approved hiring plan)');
  });

  it('a week amended after the upgrade compares the grades by their recorded text', () => {
    const {emulator, bundle} = withV1Rows();
    // The old tab is exactly as wide as its 22 columns: the new headers need two more.
    sheetOf(emulator, 'Scorecard').state.maxColumns = 22;
    grade(emulator, [['C1', 'Green', '', 'Keep it']]);
    const amended = snapshot(bundle);
    expect(amended.status).toBe('amended');
    expect(
      String(byHeader(tab(emulator, 'Scorecard'), 3)['Changes']),
    ).toContain('Commitment grades: changed');
    // The tab predates the later columns: the append added their headers after the last column.
    expect(tab(emulator, 'Scorecard')[0].slice(-LATER.length - 1)).toEqual([
      'Chain',
      ...LATER,
    ]);
    expect(verify(bundle).ok).toBe(true);
  });
});

describe('describeChanges in plain words', () => {
  it('names each commitment and each number that changed', () => {
    const {emulator, bundle} = world();
    grade(emulator, [
      ['C1', 'Green', '', 'a'],
      ['C2', 'Yellow', 'late', 'b'],
      ['C3', 'Green', '', 'c'],
    ]);
    snapshot(bundle);
    const grades = sheetOf(emulator, 'Grades').state.values;
    [...grades].reverse().find(r => r[1] === 'C2')![2] = 'Green';
    const forecast = sheetOf(emulator, 'Forecast').state.values;
    const week7 = forecast.find(r => r[0] === 7)!;
    week7[3] = (week7[3] as number) + 50_000;
    snapshot(bundle);
    expect(byHeader(tab(emulator, 'Scorecard'), 2)['Changes']).toMatch(
      /^C2: Yellow → Green; Closed: \$2,215,000 → \$2,265,000; Forecast Variance: 4\.5% → 6\.8%$/,
    );
  });
});

/** The owner deletes the last row (of two) behind the protection (Sheets' Delete row). */
const deleteLastRow = (emulator: Emulator) => {
  const scorecard = sheetOf(emulator, 'Scorecard').state;
  scorecard.values.splice(2, 1);
};

describe('truncation is tampering (issue 11 §3)', () => {
  const nextFriday = new Date('2026-11-28T01:00:00Z');

  function twoWeeks() {
    const w = world();
    snapshot(w.bundle);
    w.emulator.ctx.setNow(nextFriday);
    snapshot(w.bundle);
    expect(verify(w.bundle).ok).toBe(true);
    return w;
  }

  it('names the deleted last week, from the head and the Delivery Log', () => {
    const {emulator, bundle} = twoWeeks();
    deleteLastRow(emulator);
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(false);
    expect(verdict.missingWeeks).toEqual(['2026-11-27']);
    expect(verdict.message).toMatch(
      /1 Scorecard row was deleted from the end of the record: week ending 2026-11-27 \(row 3\)/,
    );
    bundle.call('verifyScorecardFromMenu', [], {trigger: 'menu'});
    expect(emulator.ui.alerts.at(-1)).toMatch(/^Scorecard rows deleted/);
  });

  it('names every week when the whole tab is deleted and set up again', () => {
    const {emulator, bundle} = twoWeeks();
    emulator.run({user: emulator.ctx.owner}, () => {
      const ss = emulator.spreadsheet.exposed();
      ss.deleteSheet(ss.getSheetByName('Scorecard')!);
    });
    bundle.call('setUpWorkbook', [], {trigger: 'menu'});
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(false);
    expect(verdict.missingWeeks).toEqual(['2026-11-20', '2026-11-27']);
    // The new tab's row 2 is a later week: the deleted rows stay named as they were found.
    emulator.ctx.setNow(new Date('2026-12-05T01:00:00Z'));
    expect(snapshot(bundle).scorecardRow).toBe(2);
    expect(verify(bundle).missingWeeks).toEqual(['2026-11-20', '2026-11-27']);
  });

  it('a head forged as DOCUMENT metadata under the same key (any script with edit access can add one) is never read', () => {
    const {emulator, bundle} = twoWeeks();
    const scorecard = tab(emulator, 'Scorecard');
    deleteLastRow(emulator);
    const chain = byHeader(scorecard, 1)['Chain'];
    emulator.spreadsheet.state.developerMetadata!.unshift({
      id: 99,
      key: 'trustRebuild.recordHead',
      value: JSON.stringify({rows: 1, chain, week: '2026-11-20'}),
      visibility: 'DOCUMENT',
      project: 'owner-bound-script',
    });
    expect(verify(bundle).missingWeeks).toEqual(['2026-11-27']);
  });

  it('a snapshot after the deletion records the week and keeps the evidence', () => {
    const {emulator, bundle} = twoWeeks();
    deleteLastRow(emulator);
    emulator.ctx.setNow(new Date('2026-12-05T01:00:00Z'));
    const next = snapshot(bundle);
    expect(next.status).toBe('recorded');
    expect(next.message).toMatch(
      / 1 Scorecard row was deleted from the end of the record: week ending 2026-11-27 \(row 3\)/,
    );
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(false);
    expect(verdict.missingWeeks).toEqual(['2026-11-27']);
  });

  it('keeps the head outside the Scorecard, where the scheduled run (no open document) reads and moves it', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    bundle.call('installSchedule', [], {trigger: 'menu'});
    // Friday 27 November, 17:30 in Tokyo (the sample's zone): the 16:00 run has taken week 8.
    const fired = bundle.fireDueTriggers(new Date('2026-11-27T08:30:00Z'));
    expect(fired.length).toBeGreaterThan(0);
    expect(tab(emulator, 'Scorecard')).toHaveLength(3);
    // In the spreadsheet, as metadata only this project sees; nothing in the shared script properties.
    const [head] = emulator.spreadsheet.state.developerMetadata!;
    // Each head write runs under the lock of the append it follows: the document lock from the
    // sidebar; in the scheduled run (no document lock there) the script lock, as for its rows.
    const {writes} = emulator.ctx;
    const headWrites = writes.flatMap((w, i) =>
      w.sheet === '(developer metadata)' ? [[w, writes[i - 1]]] : [],
    );
    expect(
      headWrites.map(([w, append]) => [
        w.underDocumentLock,
        append.sheet,
        append.underDocumentLock,
      ]),
    ).toEqual([
      [true, 'Scorecard', true],
      [false, 'Scorecard', false],
    ]);
    expect(head).toMatchObject({visibility: 'PROJECT', project: THIS_PROJECT});
    expect(JSON.parse(head.value!)).toMatchObject({
      rows: 2,
      week: '2026-11-27',
    });
    expect(emulator.properties.script).toEqual({});
    deleteLastRow(emulator);
    expect(verify(bundle).missingWeeks).toEqual(['2026-11-27']);
  });
});

describe('a head that cannot be written', () => {
  it('never costs the week: the row is recorded and emailed, and the head catches up later', () => {
    const {emulator, bundle} = world();
    // Another add-on filled the spreadsheet's developer metadata to its 30,000 characters: every write is refused.
    const metadata = (emulator.spreadsheet.state.developerMetadata = [
      {
        id: 1,
        key: 'other',
        value: 'x'.repeat(METADATA_LIMIT_CHARS - 'other'.length),
        visibility: 'DOCUMENT' as const,
        project: 'another-add-on',
      },
    ]);
    const result = snapshot(bundle);
    expect(result.status).toBe('recorded');
    expect(emulator.outbox).toHaveLength(1);
    expect(metadata).toHaveLength(1);
    const full = verify(bundle);
    expect(full.ok).toBe(true);
    expect(full.message).not.toContain('starts now');
    metadata.pop();
    expect(verify(bundle).message).toContain("The record's head starts now");
    expect(metadata).toHaveLength(1);
  });
});

describe('a head kept by the version before, in the script properties', () => {
  it('is moved into the metadata once and the property deleted, and still names a deleted week', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    emulator.ctx.setNow(new Date('2026-11-28T01:00:00Z'));
    snapshot(bundle);
    // As the version on main before this one left it: the head under the spreadsheet's ID.
    const metadata = emulator.spreadsheet.state.developerMetadata!;
    const [head] = metadata.splice(0);
    const key = `recordHead:${emulator.spreadsheet.state.id}`;
    emulator.properties.script[key] = head.value!;
    deleteLastRow(emulator);
    emulator.ctx.setNow(new Date('2026-12-05T01:00:00Z'));
    expect(snapshot(bundle).message).toContain(
      'week ending 2026-11-27 (row 3)',
    );
    expect(emulator.properties.script).toEqual({});
    expect(metadata).toHaveLength(1);
    expect(verify(bundle).missingWeeks).toEqual(['2026-11-27']);
  });

  it('an unchanged head is moved too, without a "starts now"', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const metadata = emulator.spreadsheet.state.developerMetadata!;
    const [head] = metadata.splice(0);
    emulator.properties.script[`recordHead:${emulator.spreadsheet.state.id}`] =
      head.value!;
    const verdict = verify(bundle);
    expect(verdict.ok).toBe(true);
    expect(verdict.message).not.toContain('starts now');
    expect(emulator.properties.script).toEqual({});
    expect(metadata.map(m => m.value)).toEqual([head.value]);
  });
});

describe('the CRO Name (README: "the CRO named on the scorecard and the email")', () => {
  it('is on the Scorecard row, covered by the chain, in the email and the handout', () => {
    const {emulator, bundle} = world();
    snapshot(bundle);
    const row = byHeader(tab(emulator, 'Scorecard'), 1);
    expect(row['CRO Name']).toBe(SAMPLE_PEOPLE.croName);
    const mail = emulator.outbox[0];
    expect(mail.body).toContain(`CRO: ${SAMPLE_PEOPLE.croName}.`);
    expect(mail.htmlBody).toContain(`CRO: ${SAMPLE_PEOPLE.croName}.`);
    // The handout, as a reader's pdftotext sees it.
    expect(pdfText(mail.attachments[0].bytes)).toContain(
      `CRO: ${SAMPLE_PEOPLE.croName}.`,
    );
    const scorecard = sheetOf(emulator, 'Scorecard').state.values;
    scorecard[1][scorecard[0].indexOf('CRO Name')] = 'Someone Else';
    expect(verify(bundle).brokenRow).toBe(2);
  });
});
