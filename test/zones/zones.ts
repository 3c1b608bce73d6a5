/**
 * One calendar, many spreadsheet zones: helpers that write the same local
 * days and times as the date cells of a spreadsheet in any zone (the instant
 * Sheets hands over for them), and read cells back as local days.
 */
import {zonedFields, zonedInstant} from '../../emulator/format-date';

/** The script's zone and the spreadsheet zones the add-on must agree across. */
export const BASELINE = 'America/New_York';
export const ZONES = [
  'Europe/Berlin',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Pacific/Honolulu',
  'America/Los_Angeles',
  // UTC+14: a midnight there is 10:00 the day before in UTC.
  'Pacific/Kiritimati',
];

/** "2026-11-02" or "2026-11-02 15:30": that local day (and time) in `zone`. */
export function localCell(zone: string, local: string): Date {
  const [y, m, d, h = 0, mi = 0] = local.split(/[- :]/).map(Number);
  return zonedInstant(zone, y, m, d, h, mi);
}

/** A cell read back as the spreadsheet shows it: a Date as its local "YYYY-MM-DD[ HH:mm]". */
export function localText(zone: string, value: unknown): unknown {
  if (Object.prototype.toString.call(value) !== '[object Date]') return value;
  const f = zonedFields(value as Date, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
  return f.hour === 0 && f.minute === 0
    ? day
    : `${day} ${pad(f.hour)}:${pad(f.minute)}`;
}

/** "2026-11-02" plus n days. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000)
    .toISOString()
    .slice(0, 10);
}

/** Monday 2 to Sunday 8 November 2026: every weekday, just after the DST ends of Berlin (25 Oct) and New York (1 Nov). */
export const WEEK = Array.from({length: 7}, (_, i) =>
  plusDays('2026-11-02', i),
);
