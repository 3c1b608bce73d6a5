/**
 * The CFO's weekly email and the one-page Friday handout, rendered from a
 * scorecard row. Leads with what is off target, then the numbers against
 * their targets, the variance trend against the glide path, each
 * commitment's grade, and the chain value that makes the row verifiable.
 * Gmail strips <style> blocks and scripts: everything is inline-styled tables.
 */
import {escapeHtml} from './html';
import type {StatusThresholds, WeekRecord} from './scorecard-record';
import {
  formatPercent,
  weekStatuses,
  type NumberStatus,
  type Status,
} from './status';

export interface TrendPoint {
  week: number;
  variance: number | '';
  target: number | '';
}

export interface CfoEmailInput {
  record: WeekRecord;
  thresholds: StatusThresholds;
  /** Variance by week over the rebuild so far, this week included. */
  trend: TrendPoint[];
  chain: string;
  /** The Scorecard row this email reports (as the sheet numbers it). */
  scorecardRow: number;
  spreadsheetUrl: string;
  spreadsheetName: string;
  /** How the week ending reads to a person, e.g. "Fri 20 Nov 2026". */
  weekEndingLabel: string;
  /** An amendment names the row it amends and what changed. */
  amendment?: {amendsRow: number; changes: string};
}

export interface CfoEmail {
  subject: string;
  html: string;
  text: string;
  /** The one-page handout for the Friday meeting (converted to PDF by the services layer). */
  handoutHtml: string;
}

const COLOURS: Record<Status, {bg: string; fg: string; label: string}> = {
  green: {bg: '#e6f4ea', fg: '#137333', label: 'GREEN'},
  yellow: {bg: '#fef7e0', fg: '#b06000', label: 'YELLOW'},
  red: {bg: '#fce8e6', fg: '#c5221f', label: 'RED'},
  none: {bg: '#f1f3f4', fg: '#5f6368', label: '—'},
};

const GRADE_STATUS: Record<string, Status> = {
  Green: 'green',
  Yellow: 'yellow',
  Red: 'red',
};

const money = (n: number | '') =>
  n === '' ? '—' : `$${n.toLocaleString('en-US', {maximumFractionDigits: 0})}`;

function badge(status: Status): string {
  const c = COLOURS[status];
  return `<span style="padding:2px 8px;border-radius:10px;background:${c.bg};color:${c.fg};font-weight:bold;font-size:12px">${c.label}</span>`;
}

const CELL = 'padding:6px 8px;border-bottom:1px solid #e0e0e0';

/** A Gmail-safe table: inline styles only, a header row, then rows of ready-made cell HTML. */
function table(headers: string[], rows: string[][]): string {
  const head = headers
    .map(h => `<th style="padding:6px 8px">${h}</th>`)
    .join('');
  const body = rows
    .map(
      r => `<tr>${r.map(c => `<td style="${CELL}">${c}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;width:100%;font-size:13px"><tr style="text-align:left;color:#5f6368">${head}</tr>${body}</table>`;
}

export function subjectLine(input: CfoEmailInput): string {
  const {record} = input;
  const variance =
    record.variance === ''
      ? 'no forecast row'
      : `variance ${formatPercent(record.variance)} vs target ${formatPercent(record.varianceTarget)}`;
  const onTarget =
    record.variance !== '' &&
    record.varianceTarget !== '' &&
    record.variance <= record.varianceTarget;
  const mark =
    record.variance === '' ? '' : onTarget ? ' (on target)' : ' (off target)';
  const amended = input.amendment ? 'Amended: ' : '';
  return `${amended}Rebuild scorecard, week ${record.week} ending ${input.weekEndingLabel}: ${variance}${mark}`;
}

function offTargetLines(
  statuses: NumberStatus[],
  record: WeekRecord,
): string[] {
  const lines = statuses
    .filter(s => s.status === 'red' || s.status === 'yellow')
    .map(s => `${s.metric}: ${s.says} (target ${s.target})`);
  for (const c of record.commitments) {
    if (c.grade === 'Red' || c.grade === 'Yellow') {
      lines.push(
        `Commitment "${c.commitment}" graded ${c.grade}: ${c.reason || 'no reason given'}`,
      );
    }
    if (c.grade === '')
      lines.push(`Commitment "${c.commitment}" was not graded this week`);
  }
  return lines;
}

/** A bar table of variance by week against the glide path: renders in Gmail, no images. */
function trendTable(trend: TrendPoint[]): string {
  const max = Math.max(
    0.3,
    ...trend.map(p => (p.variance === '' ? 0 : p.variance)),
  );
  const px = (v: number) => Math.round((v / max) * 200);
  const rows = trend
    .map(p => {
      const width = p.variance === '' ? 0 : Math.max(2, px(p.variance));
      const colour =
        p.variance === '' || p.target === ''
          ? '#9aa0a6'
          : p.variance <= p.target
            ? '#1e8e3e'
            : '#d93025';
      return `<tr><td style="padding:2px 8px 2px 0;font-size:12px;color:#5f6368">Wk ${p.week}</td><td style="width:210px"><div style="position:relative;height:14px;width:210px;background:#f1f3f4"><div style="height:14px;width:${width}px;background:${colour}"></div><div style="position:absolute;top:0;left:${p.target === '' ? 0 : px(p.target)}px;height:14px;width:2px;background:#202124"></div></div></td><td style="padding-left:8px;font-size:12px">${formatPercent(p.variance)} <span style="color:#5f6368">/ ${formatPercent(p.target)}</span></td></tr>`;
    })
    .join('');
  return `<table role="presentation" style="border-collapse:collapse">${rows}</table><div style="font-size:11px;color:#5f6368;margin-top:4px">Bar: forecast variance. Black line: the glide-path target in force that week (12% → 8% → 5%).</div>`;
}

function numbersTable(statuses: NumberStatus[]): string {
  return table(
    ['Number', 'This week', 'Target', 'Status'],
    statuses.map(s => [
      escapeHtml(s.metric),
      escapeHtml(s.says),
      escapeHtml(s.target),
      badge(s.status),
    ]),
  );
}

function commitmentsTable(record: WeekRecord): string {
  if (record.commitments.length === 0) {
    return '<p style="font-size:13px;color:#5f6368">No active commitments.</p>';
  }
  return table(
    ['Commitment', 'Grade', 'Reason', 'Next action'],
    record.commitments.map(c => [
      escapeHtml(c.commitment),
      badge(c.grade ? GRADE_STATUS[c.grade] : 'none'),
      escapeHtml(c.reason),
      escapeHtml(c.nextAction),
    ]),
  );
}

function body(
  input: CfoEmailInput,
  statuses: NumberStatus[],
  forPrint: boolean,
): string {
  const {record} = input;
  const off = offTargetLines(statuses, record);
  const lead =
    off.length === 0
      ? '<p style="font-size:15px;color:#137333;margin:0 0 12px"><b>Everything is on target this week.</b></p>'
      : `<p style="font-size:15px;color:#c5221f;margin:0 0 4px"><b>Off target this week:</b></p><ul style="margin:0 0 12px;padding-left:20px;font-size:14px">${off.map(l => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  const amendment = input.amendment
    ? `<p style="font-size:13px;background:#fef7e0;padding:8px">This is an amendment to Scorecard row ${input.amendment.amendsRow}: ${escapeHtml(input.amendment.changes)}. The original row is unchanged.</p>`
    : '';
  const link = forPrint
    ? escapeHtml(input.spreadsheetName)
    : `<a href="${escapeHtml(input.spreadsheetUrl)}" style="color:#1a73e8">${escapeHtml(input.spreadsheetName)}</a>`;
  return `<div style="font-family:Arial,Helvetica,sans-serif;color:#202124;max-width:680px">
<h2 style="font-size:18px;margin:0 0 4px">Rebuild scorecard — week ${record.week}, ending ${escapeHtml(input.weekEndingLabel)}</h2>
<p style="font-size:13px;color:#5f6368;margin:0 0 12px">Committed ${money(record.committed)} at the start of the week; closed ${money(record.closed)} by Friday.</p>
${amendment}${lead}
${numbersTable(statuses)}
<h3 style="font-size:15px;margin:16px 0 6px">Variance over the rebuild against the glide path</h3>
${trendTable(input.trend)}
<h3 style="font-size:15px;margin:16px 0 6px">Commitments (${record.green} green, ${record.yellow} yellow, ${record.red} red)</h3>
${commitmentsTable(record)}
<p style="font-size:11px;color:#5f6368;margin-top:16px">Recorded in ${link}, Scorecard row ${input.scorecardRow}, protected and append-only. Chain value (SHA-256): <code>${escapeHtml(input.chain)}</code>. Extensions › Trust Rebuild › Verify scorecard record recomputes it.</p>
</div>`;
}

function plainText(input: CfoEmailInput, statuses: NumberStatus[]): string {
  const {record} = input;
  const off = offTargetLines(statuses, record);
  const lines = [
    `Rebuild scorecard — week ${record.week}, ending ${input.weekEndingLabel}`,
    `Committed ${money(record.committed)}; closed ${money(record.closed)}.`,
    '',
  ];
  if (input.amendment) {
    lines.push(
      `This is an amendment to Scorecard row ${input.amendment.amendsRow}: ${input.amendment.changes}. The original row is unchanged.`,
      '',
    );
  }
  if (off.length === 0) lines.push('Everything is on target this week.');
  else lines.push('Off target this week:', ...off.map(l => `- ${l}`));
  lines.push('', 'The numbers:');
  for (const s of statuses) {
    lines.push(
      `- ${s.metric}: ${s.says}; target ${s.target}; ${COLOURS[s.status].label}`,
    );
  }
  lines.push('', 'Variance by week (target in brackets):');
  lines.push(
    input.trend
      .map(
        p =>
          `wk ${p.week} ${formatPercent(p.variance)} (${formatPercent(p.target)})`,
      )
      .join(', '),
  );
  lines.push(
    '',
    `Commitments (${record.green} green, ${record.yellow} yellow, ${record.red} red):`,
  );
  for (const c of record.commitments) {
    lines.push(
      `- ${c.commitment}: ${c.grade || 'not graded'}${c.reason ? ` — ${c.reason}` : ''}${c.nextAction ? `. Next: ${c.nextAction}` : ''}`,
    );
  }
  lines.push(
    '',
    `Recorded in ${input.spreadsheetName}, Scorecard row ${input.scorecardRow}: ${input.spreadsheetUrl}`,
    `Chain value (SHA-256): ${input.chain}`,
  );
  return lines.join('\n');
}

export function renderCfoEmail(input: CfoEmailInput): CfoEmail {
  const statuses = weekStatuses(input.record, input.thresholds);
  const html = `<!doctype html><html><body style="margin:0;padding:16px">${body(input, statuses, false)}</body></html>`;
  const handoutHtml = `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:letter;margin:0.5in}body{margin:0}</style></head><body>${body(input, statuses, true)}</body></html>`;
  return {
    subject: subjectLine(input),
    html,
    text: plainText(input, statuses),
    handoutHtml,
  };
}
