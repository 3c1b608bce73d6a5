import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
  cfoEmailView,
  subjectLine,
  type CfoEmailInput,
} from '../../src/domain/cfo-email';
import {
  compileTemplate,
  escapeTemplateValue,
} from '../../emulator/html-template';
import type {WeekRecord} from '../../src/domain/scorecard-record';
import {moneyFormat} from '../../src/domain/money';
import {
  formatPercent,
  weekStatuses,
  attendanceStatus,
  densityStatus,
  gateStatus,
  savePlayStatus,
  varianceStatus,
} from '../../src/domain/status';

const record: WeekRecord = {
  weekEnding: '2026-11-20',
  week: 7,
  committed: 2_000_000,
  closed: 1_860_000,
  variance: 0.07,
  varianceTarget: 0.05,
  gateCompliance: 0.9,
  gateTarget: 1,
  signalsFired: 6,
  signalsPriorWeek: 9,
  savePlaysExecuted: 5,
  savePlayRate: 5 / 6,
  attendance: 0.92,
  green: 1,
  yellow: 1,
  red: 1,
  commitments: [
    {
      id: 'C1',
      commitment: 'Every Commit deal passes the gate',
      grade: 'Green',
      reason: '',
      nextAction: 'Audit new commits Monday',
    },
    {
      id: 'C2',
      commitment: '<script>alert(1)</script> pipeline coverage',
      grade: 'Red',
      reason: 'Two deals slipped <b>late</b>',
      nextAction: 'Daily deal review',
    },
    {
      id: 'C3',
      commitment: 'Monday slip call',
      grade: 'Yellow',
      reason: 'Ran short',
      nextAction: 'Book 45 minutes',
    },
  ],
};

const input: CfoEmailInput = {
  record,
  thresholds: {savePlayThreshold: 0.8, attendanceLow: 0.8, attendanceHigh: 0.9},
  trend: [
    {week: 1, variance: 0.31, target: 0.12},
    {week: 6, variance: 0.05, target: 0.08},
    {week: 7, variance: 0.07, target: 0.05},
  ],
  chain: 'ab'.repeat(32),
  scorecardRow: 8,
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
  spreadsheetName: 'Q3 rebuild',
  weekEndingLabel: 'Fri 20 Nov 2026',
};

/** A body as HtmlService renders src/templates/<file>.html with this view. */
function render(input: CfoEmailInput, print = false, file = 'cfo-email') {
  const source = readFileSync(
    join(__dirname, `../../src/templates/${file}.html`),
    'utf8',
  );
  return compileTemplate(source)(
    {view: cfoEmailView(input), print},
    escapeTemplateValue,
  );
}

const plainText = (input: CfoEmailInput) =>
  render(input, false, 'cfo-email-text');

describe('CFO email', () => {
  const email = {
    subject: subjectLine(input),
    html: render(input),
    text: plainText(input),
    handoutHtml: render(input, true),
  };

  it('states the week and the headline variance against target in the subject', () => {
    expect(email.subject).toBe(
      'Rebuild scorecard, week 7 ending Fri 20 Nov 2026: over-forecast by 7% against a 5% target (off target)',
    );
  });

  it('leads with what is off target', () => {
    const lead = email.html.indexOf('Off target this week');
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(
      email.html.indexOf('>Qualification-gate compliance</td>'),
    );
    expect(email.text).toMatch(
      /Off target this week:\n- Forecast variance: over-forecast by 7%: \$1,860,000 closed of \$2,000,000 committed \(target at most 5%\)/,
    );
  });

  it('escapes user text: a <script> commitment shows as text', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; pipeline coverage',
    );
    expect(email.handoutHtml).not.toContain('<script>');
    expect(email.html).toContain('Two deals slipped &lt;b&gt;late&lt;/b&gt;');
  });

  it("stays safe under HtmlService's contextual escaping: a hostile link and name cannot leave the href or run", () => {
    const html = render({
      ...input,
      spreadsheetUrl: 'javascript:alert(document.cookie)',
      spreadsheetName: '"><img src=x onerror=alert(1)>',
    });
    expect(html).toContain('<a href="about:invalid#zSoyz"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>');
  });

  it('carries the chain value, the row and a link to the spreadsheet (the handout names it without a link)', () => {
    expect(email.html).toContain('ab'.repeat(32));
    expect(email.html).toContain(
      'href="https://docs.google.com/spreadsheets/d/x/edit"',
    );
    expect(email.handoutHtml).not.toContain('href=');
    expect(email.handoutHtml).toContain('@page{size:letter');
    expect(email.text).toContain('Scorecard row 8');
  });

  it('draws the trend as bars against the glide-path mark', () => {
    const view = cfoEmailView(input);
    expect(view.trend.map(p => [p.week, p.colour])).toEqual([
      [1, '#d93025'],
      [6, '#1e8e3e'],
      [7, '#d93025'],
    ]);
    expect(view.trend[0].width).toBe(200);
    expect(email.html).toContain('Wk 6');
  });

  it('says the same facts in plain text', () => {
    expect(email.text).toContain(
      'Save-play execution rate: 5 of 6 signals had their save-play executed (83%); target at least 80%; GREEN',
    );
    expect(email.text).toContain('wk 1 31% (12%), wk 6 5% (8%), wk 7 7% (5%)');
    expect(email.text).toContain(
      '- Monday slip call: Yellow — Ran short. Next: Book 45 minutes',
    );
  });

  it('marks a correction in the subject and lists what changed below the off-target list', () => {
    const amendedInput = {
      ...input,
      corrections: ['Closed $1,860,000 → $1,900,000', 'C2 <b>Red</b> → Green'],
    };
    expect(subjectLine(amendedInput).startsWith('Amended: ')).toBe(true);
    const text = plainText(amendedInput);
    expect(text).toContain(
      'Corrected since the last email:\n- Closed $1,860,000 → $1,900,000\n- C2 <b>Red</b> → Green\n',
    );
    expect(text.indexOf('Corrected since')).toBeGreaterThan(
      text.indexOf('Off target this week:'),
    );
    expect(text.indexOf('Corrected since')).toBeLessThan(
      text.indexOf('The numbers:'),
    );
    const html = render(amendedInput);
    expect(html).toContain('<b>Corrected since the last email:</b>');
    expect(html).toContain('<li>C2 &lt;b&gt;Red&lt;/b&gt; → Green</li>');
    expect(html.indexOf('Corrected since')).toBeGreaterThan(
      html.indexOf('Off target this week'),
    );
    // A week's first email has no such section.
    expect(plainText(input)).not.toContain('Corrected since');
    expect(subjectLine(input).startsWith('Amended: ')).toBe(false);
  });
});

describe('numbers as a finance person reads them', () => {
  const says = (r: Partial<WeekRecord>) =>
    Object.fromEntries(
      weekStatuses({...record, ...r}, input.thresholds).map(s => [
        s.metric,
        [s.says, s.target],
      ]),
    );

  it('gives percentages one decimal below 10% and whole numbers above', () => {
    expect(formatPercent(0.045)).toBe('4.5%');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.0704)).toBe('7%');
    expect(formatPercent(0.0681)).toBe('6.8%');
    expect(formatPercent(5 / 6)).toBe('83%');
    expect(formatPercent(0.125)).toBe('13%');
  });

  it('says which way the forecast missed, from the bias', () => {
    expect(
      says({committed: 2_000_000, closed: 1_910_000, variance: 0.045})[
        'Forecast variance'
      ],
    ).toEqual([
      'over-forecast by 4.5%: $1,910,000 closed of $2,000,000 committed',
      'at most 5%',
    ]);
    expect(
      says({committed: 2_000_000, closed: 2_058_000, variance: 0.029})[
        'Forecast variance'
      ][0],
    ).toMatch(/^beat commit by 2\.9%: /);
  });

  it('reads targets as words, not symbols', () => {
    const all = says({signalsFired: 1, signalsPriorWeek: 0});
    expect(all['Slip-signal density']).toEqual([
      '1 signal this week, 0 last week',
      'fewer than last week (0)',
    ]);
    expect(all['Qualification-gate compliance'][1]).toBe('at least 100%');
    expect(all['Save-play execution rate'][1]).toBe('at least 80%');
    expect(all['Scorecard attendance'][1]).toBe('above 90%');
  });

  it("writes amounts in the spreadsheet's currency, the locale's way", () => {
    const berlin = cfoEmailView({
      ...input,
      thresholds: {...input.thresholds, money: moneyFormat('de_DE')},
    });
    expect(berlin.money).toBe(
      'Committed 2.000.000 € at the start of the week; closed 1.860.000 € by Friday.',
    );
    expect(berlin.numbers[0].says).toBe(
      'over-forecast by 7%: 1.860.000 € closed of 2.000.000 € committed',
    );
    expect(cfoEmailView(input).money).toContain('$2,000,000');
  });
});

describe('status bands', () => {
  it('colours variance against its target', () => {
    expect(varianceStatus(0.05, 0.05)).toBe('green');
    expect(varianceStatus(0.07, 0.05)).toBe('yellow');
    expect(varianceStatus(0.08, 0.05)).toBe('red');
    expect(varianceStatus('', 0.05)).toBe('none');
  });

  it('colours gate compliance, density, save-play rate and attendance', () => {
    expect(gateStatus(1, 1)).toBe('green');
    expect(gateStatus(0.9, 1)).toBe('yellow');
    expect(gateStatus(0.7, 0.95)).toBe('red');
    expect(densityStatus(4, 6, 3)).toBe('green');
    expect(densityStatus(6, 6, 3)).toBe('yellow');
    expect(densityStatus(7, 6, 3)).toBe('red');
    expect(savePlayStatus(0.8, 0.8)).toBe('green');
    expect(savePlayStatus(0.5, 0.8)).toBe('red');
    expect(attendanceStatus(0.79, 0.8, 0.9)).toBe('red');
    expect(attendanceStatus(0.85, 0.8, 0.9)).toBe('yellow');
    expect(attendanceStatus(0.95, 0.8, 0.9)).toBe('green');
  });
});
