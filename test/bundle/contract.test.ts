/**
 * The bundle contract: dist/Code.js, loaded like Apps Script loads it, exposes
 * exactly the exports of src/index.ts as top-level functions with their JSDoc,
 * touches no service at load time, and builds the menu in AuthMode.NONE.
 */
import vm from 'node:vm';
import {createEmulator} from '../../emulator';
import {ABSENT_GLOBALS, loadBundle, readBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';

import {CODE_LIMIT_BYTES, readEntryPoints} from '../../scripts/build';

async function entryPoints() {
  return readEntryPoints();
}

describe('bundle contract (dist/Code.js in a bare vm context)', () => {
  it('declares every export of src/index.ts as a top-level function, and nothing else', async () => {
    const exports = await entryPoints();
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    expect(exports.length).toBeGreaterThan(10);
    expect(bundle.globalFunctions.sort()).toEqual(
      exports.map(e => e.name).sort(),
    );
  });

  it('gives each top-level function the parameter names of its source', async () => {
    const code = readBundle();
    for (const {name, params} of await entryPoints()) {
      expect(code).toContain(`\nfunction ${name}(${params.join(',')}){`);
    }
  });

  it('carries @customfunction JSDoc with every parameter for each custom function', async () => {
    const code = readBundle();
    const custom = (await entryPoints()).filter(e =>
      /^[A-Z][A-Z0-9_]*$/.test(e.name),
    );
    expect(custom.length).toBeGreaterThan(0);
    for (const {name, params, jsdoc} of custom) {
      expect(jsdoc).toContain('@customfunction');
      expect(jsdoc).toMatch(/@return/);
      for (const p of params)
        expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p}\\b`));
      // The JSDoc sits directly above the emitted function, where Sheets reads it.
      expect(code).toContain(`${jsdoc}\nfunction ${name}(`);
    }
  });

  it('carries JSDoc only above custom functions: only Sheets reads it, for formula help', async () => {
    const code = readBundle();
    for (const {name, jsdoc} of await entryPoints()) {
      if (jsdoc.includes('@customfunction')) continue;
      expect(code).toContain(`\nfunction ${name}(`);
      expect(code).not.toContain(`*/\nfunction ${name}(`);
    }
  });

  it('touches no service while the bundle is evaluated', () => {
    const emulator = createEmulator();
    loadBundle(emulator);
    expect(emulator.ctx.calls.count()).toBe(0);
  });

  it('runs no zod at load: zod/mini is evaluated on the first settings or sidebar check', () => {
    // zod's core sets this global when its module runs.
    const zodLoaded = (b: ReturnType<typeof loadBundle>) =>
      vm.runInContext('typeof __zod_globalConfig', b.context) !== 'undefined';
    const bundle = loadBundle(sampleWorkbook());
    expect(zodLoaded(bundle)).toBe(false);
    bundle.call('FORECAST_VARIANCE', [[[100]], [[90]]], {
      authMode: 'CUSTOM_FUNCTION',
      trigger: 'custom-function',
    });
    expect(zodLoaded(bundle)).toBe(false);
    bundle.call('loadSidebar', [], {trigger: 'menu'});
    expect(zodLoaded(bundle)).toBe(true);
  });

  it('runs without Node globals: none of them exist in the load context', () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    for (const name of ABSENT_GLOBALS) {
      expect(vm.runInContext(`typeof ${name}`, bundle.context)).toBe(
        'undefined',
      );
    }
  });

  it('builds the menu in AuthMode.NONE without touching any other service', () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    bundle.call('onOpen', [{authMode: 'NONE'}], {
      authMode: 'NONE',
      trigger: 'simple',
    });
    const calls = Object.keys(emulator.ctx.calls.snapshot());
    expect(
      calls.every(
        c =>
          c.startsWith('Menu.') ||
          c === 'SpreadsheetApp.getUi' ||
          c.startsWith('Ui.'),
      ),
    ).toBe(true);
    expect(emulator.ui.menus).toHaveLength(1);
    const labels = emulator.ui.menus[0].items.map(i =>
      i === 'separator' ? '-' : i.label,
    );
    expect(labels.filter(l => l !== '-')).toEqual([
      'Set up workbook',
      'Open scorecard sidebar',
      'Snapshot this week now',
      'Run slip check now',
      'Verify scorecard record',
      'Sign the 60-day plan',
      'Schedule weekly snapshot and email',
      'Stop the schedule',
      'Settings help',
      'Draft the post-mortem',
      'Email me the draft',
    ]);
  });

  it('points every menu item at a top-level function of the bundle', () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    bundle.call('onOpen', [{authMode: 'NONE'}], {
      authMode: 'NONE',
      trigger: 'simple',
    });
    for (const item of emulator.ui.menus[0].items) {
      if (item !== 'separator')
        expect(bundle.globalFunctions).toContain(item.handler);
    }
  });

  it('onInstall builds the same menu as onOpen', () => {
    const emulator = createEmulator();
    loadBundle(emulator).call('onInstall', [{authMode: 'FULL'}]);
    expect(emulator.ui.menus[0].items.length).toBeGreaterThan(8);
  });
});

describe('bundle budget', () => {
  it('keeps dist/Code.js within the 150 KB limit: Apps Script re-parses it before every custom-function call', () => {
    const bytes = Buffer.byteLength(readBundle());
    expect(bytes).toBeLessThanOrEqual(CODE_LIMIT_BYTES);
  });
});

describe('local time in the bundle', () => {
  it("is the script's zone from appsscript.json, as in Apps Script (New York: UTC−5 in January)", () => {
    const bundle = loadBundle(createEmulator());
    expect(
      vm.runInContext(
        'new Date(2026, 0, 1).getTimezoneOffset()',
        bundle.context,
      ),
    ).toBe(300);
  });
});
