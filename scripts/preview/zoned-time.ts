/**
 * Wall-clock times in a named time zone, for the preview's clock: a person
 * types "Friday 17:00" meaning 17:00 where the script runs, not in UTC.
 */

import {zonedFields, zonedInstant} from '../../emulator/format-date';

/** Minutes the zone is ahead of UTC at that instant (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  return zonedFields(at, timeZone).offsetMinutes;
}

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm[:ss]" names in the zone.
 * Throws a clear Error for text that is not such a time.
 */
export function zonedToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    local.trim(),
  );
  if (!m)
    throw new Error(
      `Clock: "${local}" is not a date and time like 2026-11-20T17:00`,
    );
  const [y, mo, d, h, mi, s] = m.slice(1).map(x => Number(x ?? 0));
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d)
    throw new Error(`Clock: "${local}" is not a real date`);
  return zonedInstant(timeZone, y, mo, d, h, mi, s);
}

/** The instant as a wall-clock "YYYY-MM-DDTHH:mm" in the zone (for a datetime-local input). */
export function instantToZoned(at: Date, timeZone: string): string {
  const shifted = new Date(
    at.getTime() + zoneOffsetMinutes(at, timeZone) * 60000,
  );
  return shifted.toISOString().slice(0, 16);
}
