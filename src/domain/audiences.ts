/**
 * Who reads the weekly record beyond the CFO (issue 14 §4, §5). The week
 * whose Scorecard Day is the month's first (days 1–7, in the spreadsheet's
 * zone: its Week Ending is a local date) also goes to the CEO, and the CMO
 * when set, in the same email as the CFO: one send, one log line, so its
 * guarantees (claimed, retried, never twice) hold for them unchanged, and a
 * retry days later still goes to them, the week deciding, not the day.
 */
import type {LocalDate} from './calendar';
import type {Settings} from './settings';

/** The first Scorecard Day of its month, when a CEO Email is set: the expanded scorecard. */
export const isMonthly = (weekEnding: LocalDate | '', settings: Settings) =>
  !!settings.ceoEmail && weekEnding !== '' && +weekEnding.slice(8) < 8;

/** Everyone the week's email goes to, each address once. */
export const audienceOf = (
  settings: Settings,
  weekEnding: LocalDate | '',
): string[] => [
  ...new Set(
    settings.cfoEmails.concat(
      isMonthly(weekEnding, settings)
        ? [settings.ceoEmail, settings.cmoEmail].filter(e => e)
        : [],
    ),
  ),
];

/** The month the expanded scorecard looks back on: from the 1st of the month before. */
export const monthFrom = (weekEnding: LocalDate): LocalDate => {
  const [y, m] = weekEnding.split('-').map(Number);
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
};
