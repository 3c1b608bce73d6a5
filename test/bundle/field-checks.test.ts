/**
 * runFieldChecks() on the built bundle: every assumption of the README's
 * "Apps Script assumptions" that it checks passes in the emulator, a broken
 * one shows as FAIL (so the check can fail), and a check that fails after
 * writing still removes its scratch tab.
 */
import {createEmulator, type Emulator} from '../../emulator';
import {join} from 'node:path';
import {loadBundle, readBundle} from '../../emulator/loader';
import {FIELD_CHECKS_DIR, readEntryPoints} from '../../scripts/build';

/** The field checks' own script, built beside dist/ and never pushed with the add-on. */
const FIELD_CHECKS = readBundle(join(FIELD_CHECKS_DIR, 'Code.js'));

interface Summary {
  passed: number;
  failed: number;
  lines: string[];
}

/** An object whose listed methods are replaced, the rest left as they are. */
function override<T extends object>(
  real: T,
  patch: Record<string, unknown>,
): T {
  return new Proxy(real, {
    get: (target, prop, receiver) =>
      typeof prop === 'string' && prop in patch
        ? patch[prop]
        : Reflect.get(target, prop, receiver),
  });
}

const EDITOR = {authMode: 'FULL', trigger: 'menu'} as const;

function run(patch: (g: Emulator['globals']) => void = () => undefined): {
  summary: Summary;
  emulator: Emulator;
} {
  const emulator = createEmulator({
    spreadsheetTimeZone: 'Asia/Tokyo',
    owner: 'admin@acme.example',
    user: 'analyst@acme.example',
  });
  patch(emulator.globals);
  const summary = loadBundle(emulator, FIELD_CHECKS).call(
    'runFieldChecks',
    [],
    EDITOR,
  ) as Summary;
  return {summary, emulator};
}

const lineOf = (summary: Summary, start: string) =>
  summary.lines.find(l => l.includes(start)) ?? '';

describe('runFieldChecks (dist-field-checks/Code.js in the emulator)', () => {
  it('passes every check in the emulator, logs one line each and leaves nothing behind', () => {
    const {summary, emulator} = run();
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBe(9);
    expect(summary.lines.every(l => l.startsWith('PASS '))).toBe(true);
    expect(emulator.logs).toEqual(summary.lines);
    expect(lineOf(summary, 'date cell')).toBe(
      'PASS date cell = midnight in the spreadsheet zone: 2026-11-20 00:00:00 in Asia/Tokyo',
    );
    expect(lineOf(summary, 'protection')).toBe(
      'PASS protection: only the owner and you edit: admin@acme.example, analyst@acme.example',
    );
    // The scratch tab (and its protection) is gone; the lock was let go.
    expect(emulator.spreadsheet.sheets.map(s => s.state.name)).toEqual([
      'Sheet1',
    ]);
    expect(emulator.ctx.locks.document).toBeUndefined();
    // Its writes ran under the document lock, like every write of the add-on.
    expect(emulator.ctx.writes.length).toBeGreaterThan(0);
    expect(emulator.ctx.writes.every(w => w.underDocumentLock)).toBe(true);
  });

  it('fails the date check where a date cell is not midnight in the zone the spreadsheet reports', () => {
    const {summary} = run(g => {
      const app =
        g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      g.SpreadsheetApp = override(app, {
        getActiveSpreadsheet: () =>
          override(app.getActiveSpreadsheet(), {
            getSpreadsheetTimeZone: () => 'America/New_York',
          }),
      });
    });
    expect(lineOf(summary, 'date cell')).toBe(
      'FAIL date cell = midnight in the spreadsheet zone: 2026-11-19 10:00:00 in America/New_York',
    );
    expect(summary.failed).toBe(1);
  });

  it('fails the escaping check against an HtmlService that prints scriptlets raw', () => {
    const {summary} = run(g => {
      const html = g.HtmlService as GoogleAppsScript.HTML.HtmlService;
      g.HtmlService = override(html, {
        createTemplate: (source: string) =>
          html.createTemplate(source.replace(/<\?=/g, '<?!=')),
      });
    });
    expect(lineOf(summary, 'HtmlService')).toMatch(
      /^FAIL HtmlService contextual escaping: <a href="javascript:alert\(1\)<b>"/,
    );
    expect(summary.failed).toBe(1);
  });

  it('removes its scratch tab even when a check fails after writing it', () => {
    const {summary, emulator} = run(g => {
      g.Session = override(g.Session as object, {
        getEffectiveUser: () => {
          throw new Error('Service unavailable: Session');
        },
      });
    });
    expect(lineOf(summary, 'protection')).toBe(
      'FAIL protection: only the owner and you edit: Service unavailable: Session',
    );
    expect(emulator.spreadsheet.sheets.map(s => s.state.name)).toEqual([
      'Sheet1',
    ]);
  });

  it('is a script of its own: not in the add-on, not a custom function, not on the menu', () => {
    const entry = readEntryPoints(
      join(__dirname, '..', '..', 'src', 'field-checks', 'index.ts'),
    ).find(e => e.name === 'runFieldChecks');
    expect(entry?.jsdoc).toMatch(/Run it\s+\* from the Apps Script editor/);
    expect(entry?.jsdoc).not.toContain('@customfunction');
    expect(readEntryPoints().map(e => e.name)).not.toContain('runFieldChecks');
    expect(readBundle()).not.toContain('field check');
    const emulator = createEmulator();
    loadBundle(emulator).call('onOpen', [{authMode: 'NONE'}], {
      authMode: 'NONE',
      trigger: 'simple',
    });
    const handlers = emulator.ui.menus.flatMap(m =>
      m.items.map(i => (i === 'separator' ? '' : i.handler)),
    );
    expect(handlers).not.toContain('runFieldChecks');
  });
});
