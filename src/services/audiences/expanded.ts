/**
 * The monthly expanded section of the week's email (issue 14 §4): the
 * month's weekly rows, the leading indicators of the last 12 weeks, the
 * quarters' miss pattern and trust streak, the expanded meeting's
 * attendance, and the signed plan's status. Read only for the monthly send
 * (once a month: its reads cost nothing on other weeks); the words and
 * loops live in the `expanded` template.
 */
import {isDate, show, toFlag, toNumber} from '../../domain/cells';
import {monthFrom} from '../../domain/audiences';
import type {LocalDate} from '../../domain/calendar';
import {indicatorLines} from '../../domain/leads/note';
import {formatMoney} from '../../domain/money';
import {quarterScorecard} from '../../domain/quarters/scorecard';
import {attendanceStatus, formatPercent} from '../../domain/status';
import {ATTENDANCE, QUARTERS} from '../../domain/workbook';
import type {Sender} from '../delivery';
import type {WeekRecord} from '../../domain/scorecard-record';
import {readIndicators} from '../early-warning';
import {readScorecard} from '../scorecard-store';
import {findTab, readTable} from '../tables';
import {render} from '../templates';

/**
 * The signed 60-day plan's status for the CEO, from the week's row (Plan Data
 * and Grades Data, as a retry reads them): "day 23 of 60, signed Mon 2 Nov
 * 2026: 3 Green, 1 Yellow, 1 not graded"; '' when no plan is in its 60 days.
 */
function planStatus(record: WeekRecord, label: (d: LocalDate) => string) {
  const plan = record.plan;
  if (!plan) return '';
  const count = new Map<string, number>();
  for (const [id] of plan.commitments) {
    const grade =
      record.commitments.find(c => c.id === id)?.grade || 'not graded';
    count.set(grade, (count.get(grade) ?? 0) + 1);
  }
  return `day ${plan.day} of 60, signed ${label(plan.signed)}: ${[...count].map(([g, n]) => `${n} ${g}`).join(', ')}`;
}

/** Records of a tab, [] when it does not exist. */
function recordsOf(sender: Sender, tab: typeof QUARTERS) {
  const sheet = findTab(sender.spreadsheet, tab.name);
  return sheet
    ? readTable(sender.spreadsheet, tab, {sheet}).rows.map(r => r.record)
    : [];
}

/** The section as HTML and as text: both forms of the email carry it. */
export function expandedSection(
  sender: Sender,
  record: WeekRecord,
): {html: string; text: string} {
  const {weekEnding} = record;
  const {spreadsheet, settings, clock} = sender;
  const money = (n: unknown) =>
    formatMoney(toNumber(n) ?? '', settings.currency);
  const pct = (n: unknown) => formatPercent(toNumber(n) ?? '');
  // The month's rows: each week's latest, from the 1st of last month to this week.
  const weeks = new Map<LocalDate, Record<string, unknown>>();
  for (const r of readScorecard(spreadsheet, clock.localDate).rows)
    if (r.weekEnding >= monthFrom(weekEnding) && r.weekEnding <= weekEnding)
      weeks.set(r.weekEnding, r.values);
  const month = [...weeks].map(([w, v]) => [
    clock.label(w),
    String(v['Week']),
    money(v['Committed']),
    money(v['Closed']),
    pct(v['Forecast Variance']),
    pct(v['Gate Compliance']),
    pct(v['Attendance']),
    `${v['Green']}/${v['Yellow']}/${v['Red']}`,
  ]);
  let indicators: string[] | string = [];
  try {
    const read = readIndicators(
      spreadsheet,
      settings,
      // The week's 12 weeks, whatever day a retry sends it.
      clock.midnight(weekEnding),
      clock,
    );
    if (read) indicators = indicatorLines(read.result, read.note);
  } catch (err) {
    // The CFO's week is not held back by a Leads tab that cannot be read: the section says why.
    indicators = (err as Error).message;
  }
  const {quarters, streak} = quarterScorecard(recordsOf(sender, QUARTERS));
  const meeting = recordsOf(sender, ATTENDANCE).find(
    r =>
      toFlag(r['Expanded Meeting']) &&
      isDate(r['Week Ending']) &&
      clock.localDate(r['Week Ending']) === weekEnding,
  );
  // A blank or zero Invited judges nothing: the section says which cell, the email still goes.
  const invited = toNumber(meeting?.['Invited']) ?? 0;
  const rate =
    invited > 0 ? (toNumber(meeting!['Attended']) ?? 0) / invited : '';
  const {low, high} = settings.attendanceThresholds;
  const x = {
    month,
    indicators,
    quarters: quarters.map(q => [
      q.quarter,
      money(q.commit),
      money(q.actual),
      formatPercent(q.variance),
      q.pattern,
    ]),
    streak,
    meeting: meeting && {
      problem:
        rate === '' &&
        `Invited is ${show(meeting['Invited'])}, not a number above 0`,
      attended: meeting['Attended'],
      invited: meeting['Invited'],
      rate: formatPercent(rate),
      status: attendanceStatus(rate, low, high),
      lines: `${formatPercent(low)} and ${formatPercent(high)}`,
    },
    plan: planStatus(record, clock.label),
  };
  return {
    html: render('expanded', {x, text: false}),
    text: render('expanded', {x, text: true}),
  };
}
