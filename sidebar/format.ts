/**
 * Dates as the CRO reads them, always in the spreadsheet's time zone (not
 * the browser's): the week ends on the spreadsheet's Friday.
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Fri 20 Nov" for a local date "2026-11-20". */
export function dayLabel(date: string): string {
  if (!LOCAL_DATE.test(date)) return date;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${date}T00:00:00Z`));
}

function inZone(
  iso: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const t = Date.parse(iso);
  if (isNaN(t)) return iso;
  try {
    return new Intl.DateTimeFormat('en-GB', {...options, timeZone}).format(t);
  } catch {
    // An unknown zone name: the browser's own zone is better than nothing.
    return new Intl.DateTimeFormat('en-GB', options).format(t);
  }
}

/** "Mon 16 Nov, 09:12" for an instant; a typed date passes through as its day. */
export function instantLabel(iso: string, timeZone: string): string {
  if (iso === '') return '';
  if (LOCAL_DATE.test(iso)) return dayLabel(iso);
  return inZone(iso, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "Wed 18 Nov" for the day a date cell holds (an instant at the zone's midnight). */
export function dateCellLabel(iso: string, timeZone: string): string {
  if (iso === '') return '';
  if (LOCAL_DATE.test(iso)) return dayLabel(iso);
  return inZone(iso, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}
