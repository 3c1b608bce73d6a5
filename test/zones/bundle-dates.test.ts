/**
 * The built bundle never reads a date on the script's own clock. Apps Script
 * runs it in the manifest's zone (America/New_York), while a date cell is a
 * midnight of the spreadsheet's zone: Date's local getters and setters, and
 * local-time strings, would put every spreadsheet east of New York a day
 * early. Calendar days come from wall times (src/domain/wall-clock.ts) and
 * Utilities.formatDate only.
 */
import {readBundle} from '../../emulator/loader';

const LOCAL_CLOCK =
  /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(|\.to(LocaleDateString|LocaleTimeString|DateString|TimeString)\(/g;

describe('dist/Code.js and the script’s zone', () => {
  it('uses no local-time Date getter, setter or string', () => {
    expect(readBundle().match(LOCAL_CLOCK)).toBeNull();
  });

  it('would catch one (the pattern is live)', () => {
    const sample = 'a.getDate()+b.getUTCDate()+c.setHours(0)+d.toDateString()';
    expect(sample.match(LOCAL_CLOCK)).toEqual([
      '.getDate(',
      '.setHours(',
      '.toDateString(',
    ]);
  });
});
