/**
 * The local preview as a person uses it, in headless Chromium against the
 * real dist/Code.js: set up an empty workbook from the menu, fill two
 * settings, open the 300 px sidebar, schedule the snapshot, move the clock to
 * Friday evening so the trigger fires, read the CFO's email in the outbox and
 * download its attachment; then restart on the same file and find it all kept.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {startPreview, type Preview} from '../../scripts/preview/server';
import {launchBrowser, outputPath, type Browser} from '../helpers/browser';

// Monday 16 Nov 2026, 9:00 in the new spreadsheet's zone (America/Los_Angeles).
const MONDAY_MORNING = new Date('2026-11-16T17:00:00Z');
const CONTRACT_TABS = [
  'Deals',
  'Forecast',
  'Commitments',
  'Grades',
  'Signals',
  'Attendance',
  'Settings',
  'Scorecard',
];

let browser: Browser;
let dir: string;
let worldFile: string;
let preview: Preview | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'preview-world-'));
  worldFile = join(dir, 'world.json');
});

afterAll(async () => {
  await preview?.close();
  await browser?.close();
  rmSync(dir, {recursive: true, force: true});
});

async function open(options: Parameters<typeof startPreview>[0]) {
  await preview?.close();
  preview = await startPreview({port: 0, file: worldFile, ...options});
  page = await browser.newPage();
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready]');
}

/** Retries an assertion until it holds: the page updates after the server answers. */
async function eventually(
  assertion: () => Promise<void> | void,
  timeoutMs = 15000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise(r => setTimeout(r, 50));
    }
  }
}

const text = (selector: string) =>
  page
    .locator(selector)
    .textContent()
    .then(t => t ?? '');

const tabNames = () => page.locator('[role=tab]').allTextContents();

/** Dismisses the toasts (a click each), so a screenshot shows the page under them. */
async function dismissToasts(): Promise<void> {
  const toasts = page.locator('.toast');
  while ((await toasts.count()) > 0)
    await toasts
      .first()
      .click({timeout: 1000})
      .catch(() => undefined);
}

async function menu(label: string): Promise<void> {
  await page.getByRole('button', {name: 'Extensions'}).click();
  await page.getByRole('menuitem', {name: label}).click();
}

/** The Ui.alert the call showed, read and dismissed as a person would. */
async function dismissAlert(): Promise<string> {
  const dialog = page.locator('#alert-dialog');
  await dialog.waitFor({state: 'visible'});
  const text = (await page.locator('#alert-text').textContent()) ?? '';
  await page.locator('#alert-ok').click();
  await dialog.waitFor({state: 'hidden'});
  return text;
}

/** Types into the Value cell of a Settings row, found by its Setting name. */
async function typeSetting(setting: string, value: string): Promise<void> {
  const row = page.locator('table.grid tbody tr', {
    has: page.locator('td[data-col="1"]', {hasText: setting}),
  });
  const cell = row.locator('td[data-col="2"]');
  await cell.dblclick();
  await cell.locator('input').fill(value);
  await cell.locator('input').press('Enter');
  await page.waitForFunction(
    ([name, expected]) =>
      [...document.querySelectorAll('table.grid tbody tr')].some(
        tr =>
          tr.querySelector('td[data-col="1"]')?.textContent === name &&
          tr.querySelector('td[data-col="2"]')?.textContent === expected,
      ),
    [setting, value === '2026-10-12' ? '10/12/2026' : value],
  );
}

describe('the local preview (npm start) in headless Chromium', () => {
  it('sets up an empty workbook from the menu, opens the sidebar and fires the Friday trigger', async () => {
    await open({seed: 'empty', reset: true, now: MONDAY_MORNING});
    expect(await tabNames()).toEqual(['Sheet1']);
    // A blank spreadsheet says where to start.
    await expect(text('#hint')).resolves.toBe(
      'Start with Extensions › Trust Rebuild › Set up workbook: it adds the tabs the add-on works on.',
    );
    await expect(page.locator('#clock-now').textContent()).resolves.toBe(
      'Mon, Nov 16, 2026, 9:00 AM PST',
    );

    await menu('Set up workbook');
    expect(await dismissAlert()).toContain('Added tabs');
    const tabs = await tabNames();
    expect(tabs).toEqual(expect.arrayContaining(['Sheet1', ...CONTRACT_TABS]));
    // Protected tabs carry the lock; the hidden one is marked as hidden.
    await expect(
      page.locator('[role=tab].protected-tab').allTextContents(),
    ).resolves.toEqual(expect.arrayContaining(['Scorecard']));
    await expect(
      page.locator('[role=tab]:not(.protected-tab)').allTextContents(),
    ).resolves.toEqual(expect.arrayContaining(['Deals', 'Settings']));

    await page.locator('[role=tab]', {hasText: 'Settings'}).click();
    await typeSetting('CFO Email', 'cfo@example.com');
    await typeSetting('Rebuild Start', '2026-10-12');

    // Settings help: a titled dialog that says what the first snapshot still needs.
    await menu('Settings help');
    const help = page.locator('#html-dialog');
    await help.waitFor({state: 'visible'});
    await eventually(async () =>
      expect(await text('#html-dialog-title')).toBe('Trust Rebuild settings'),
    );
    await eventually(async () =>
      expect(
        await page
          .frameLocator('#html-dialog-frame')
          .locator('p.summary')
          .textContent(),
      ).toBe(
        'Before the first snapshot, fill in CRO Name and CRO Email: they are still empty.',
      ),
    );
    await help.getByRole('button', {name: 'Close dialog'}).click();
    await help.waitFor({state: 'hidden'});

    await menu('Open scorecard sidebar');
    const sidebar = page.locator('#sidebar');
    await sidebar.waitFor({state: 'visible'});
    const frame = page.locator('#sidebar-frame');
    expect((await frame.boundingBox())?.width).toBe(300);
    // The sidebar is dist/sidebar.html itself, talking to the server through the stand-in.
    await eventually(() =>
      expect(preview!.world.executions.some(x => x.via === 'sidebar')).toBe(
        true,
      ),
    );
    const standIn = await page
      .frameLocator('#sidebar-frame')
      .locator('body')
      .evaluate(() =>
        Object.keys(
          (window as unknown as {google: {script: {run: object}}}).google.script
            .run,
        ),
      );
    expect(standIn).toEqual(
      expect.arrayContaining(['loadSidebar', 'saveGrades', 'onScheduleTick']),
    );

    await menu('Schedule weekly snapshot and email');
    expect(await dismissAlert()).toContain('Scheduled');
    await expect(page.locator('#triggers').textContent()).resolves.toContain(
      'onScheduleTick',
    );

    await page.getByRole('button', {name: 'Next Friday 17:00'}).click();
    await expect(page.locator('#clock-input').inputValue()).resolves.toBe(
      '2026-11-20T17:00',
    );
    await page
      .getByRole('button', {name: 'Set clock and fire due triggers'})
      .click();
    await eventually(async () =>
      expect(await text('#clock-now')).toBe('Fri, Nov 20, 2026, 5:00 PM PST'),
    );
    const fired = preview!.world.executions.filter(x => x.via === 'time');
    // One daily tick per day from Monday to Friday at the Scorecard Hour (16:00), all succeeding.
    expect(fired.map(x => [x.name, x.ok])).toEqual(
      Array.from({length: 5}, () => ['onScheduleTick', true]),
    );
    // Friday 16:xx in Los Angeles: Apps Script (here: the seed) picks the minute within the hour.
    expect(fired.at(-1)?.at).toMatch(/^2026-11-21T00:[0-5]\d:00\.000Z$/);
    await eventually(async () =>
      expect(await text('#executions')).toContain('onScheduleTick'),
    );
    await eventually(async () => expect(await text('#outbox-count')).toBe('1'));
    await eventually(async () =>
      expect(await text('#outbox')).toContain('cfo@example.com'),
    );

    await page.locator('[role=tab]', {hasText: 'Scorecard'}).click();
    await eventually(async () =>
      expect(await text('#sheet-banner')).toContain('Protected tab'),
    );
    await eventually(async () =>
      expect(await text('table.grid')).toContain('11/20/2026'),
    );

    await page.locator('[role=tab]', {hasText: 'Forecast'}).click();
    await page.waitForSelector('table.grid[data-tab="Forecast"]');
    await dismissToasts();
    await page.screenshot({path: outputPath('preview-setup.png')});
  });

  it('shows the CFO email as the recipient sees it, with its attachment downloadable', async () => {
    await page.locator('#outbox .message').first().click();
    const mail = page.locator('#mail-dialog');
    await mail.waitFor({state: 'visible'});
    await eventually(async () =>
      expect(await text('#mail-subject')).toContain('week'),
    );
    await eventually(async () =>
      expect(await text('#mail-meta')).toContain('cfo@example.com'),
    );
    const body = page.frameLocator('#mail-body').locator('body');
    await eventually(async () =>
      expect((await body.innerText()).length).toBeGreaterThan(100),
    );
    // A mail client runs no scripts: the body's frame is sandboxed without allow-scripts.
    await expect(
      page.locator('#mail-body').getAttribute('sandbox'),
    ).resolves.not.toContain('allow-scripts');

    const link = page.locator('#mail-attachments a').first();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      link.click(),
    ]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await dismissToasts();
    await page.screenshot({path: outputPath('preview-mail.png')});
    await page.keyboard.press('Escape');
    await mail.waitFor({state: 'hidden'});
  });

  it('keeps every change across a restart, saved with write-then-rename', async () => {
    // Only the world file is left in its folder: no temp file of a save survives.
    expect(readdirSync(dir)).toEqual(['world.json']);
    expect(() => JSON.parse(readFileSync(worldFile, 'utf8'))).not.toThrow();

    await page.close();
    await open({seed: 'empty'});
    expect(await tabNames()).toEqual(
      expect.arrayContaining(['Sheet1', ...CONTRACT_TABS]),
    );
    await eventually(async () =>
      expect(await text('#clock-now')).toBe('Fri, Nov 20, 2026, 5:00 PM PST'),
    );
    await eventually(async () =>
      expect(await text('#triggers')).toContain('onScheduleTick'),
    );
    await eventually(async () => expect(await text('#outbox-count')).toBe('1'));
    // The add-on menu is rebuilt by onOpen when the document opens again.
    await menu('Verify scorecard record');
    expect(await dismissAlert()).not.toBe('');
  });

  it('shows the sample workbook with the sidebar open and the Friday email sent', async () => {
    await page.close();
    await open({seed: 'sample', file: undefined});
    await page.locator('[role=tab]', {hasText: 'Forecast'}).click();
    await page.waitForSelector('table.grid[data-tab="Forecast"]');
    // Values as Sheets displays them: currency and dates in the spreadsheet's formats.
    await eventually(async () =>
      expect(await text('table.grid')).toMatch(
        /\$2,150,000.*10\/9\/2026|10\/9\/2026.*\$2,150,000/,
      ),
    );
    await menu('Open scorecard sidebar');
    await page.locator('#sidebar').waitFor({state: 'visible'});
    await menu('Schedule weekly snapshot and email');
    await dismissAlert();
    await page.getByRole('button', {name: 'Next Friday 17:00'}).click();
    await page
      .getByRole('button', {name: 'Set clock and fire due triggers'})
      .click();
    await eventually(async () => expect(await text('#outbox-count')).toBe('1'));
    await page.frameLocator('#sidebar-frame').locator('body').waitFor();
    await dismissToasts();
    await page.screenshot({path: outputPath('preview.png')});
  });

  it('asks a menu item’s question on the page before it runs: Snapshot this week now at 15:00 on the Friday', async () => {
    await page.close();
    await open({seed: 'sample', file: undefined});
    const question = page.locator('#question-dialog');
    await menu('Snapshot this week now');
    await question.waitFor({state: 'visible'});
    await expect(text('#question-text')).resolves.toMatch(
      /^Email week 7 to the CFO now\?\n\nThe scheduled snapshot of this week runs Fri 20 Nov 2026 at 16:00 \(America\/Los_Angeles\)/,
    );
    await expect(question.locator('button').allTextContents()).resolves.toEqual(
      ['Yes', 'No'],
    );
    // No: the item runs with that answer, and nothing is recorded or sent.
    await question.getByRole('button', {name: 'No'}).click();
    await eventually(() =>
      expect(preview!.world.executions.at(-1)?.name).toBe(
        'snapshotWeekFromMenu',
      ),
    );
    expect(preview!.world.emulator.outbox).toHaveLength(0);
    expect(await page.locator('#alert-dialog').isVisible()).toBe(false);
    // Escape is the title bar's close: a No too.
    await menu('Snapshot this week now');
    await question.waitFor({state: 'visible'});
    await page.keyboard.press('Escape');
    await question.waitFor({state: 'hidden'});
    await eventually(() =>
      expect(
        preview!.world.executions.filter(
          e => e.name === 'snapshotWeekFromMenu',
        ),
      ).toHaveLength(2),
    );
    expect(preview!.world.emulator.outbox).toHaveLength(0);
    // Yes: recorded and emailed, and only the outcome is shown as an alert.
    await menu('Snapshot this week now');
    await question.getByRole('button', {name: 'Yes'}).click();
    await expect(dismissAlert()).resolves.toMatch(/^Week 7 recorded/);
    await eventually(async () => expect(await text('#outbox-count')).toBe('1'));
  });

  it('opens on the workbook with a pointer to the menu, and computes custom formulas', async () => {
    await page.close();
    await open({seed: 'sample', file: undefined});
    // Not the blank Sheet1: the first tab that holds something, and one line saying where the add-on is.
    await expect(
      page.locator('[role=tab][aria-selected=true]').textContent(),
    ).resolves.not.toBe('Sheet1');
    await expect(text('#hint')).resolves.toContain(
      'Extensions › Trust Rebuild',
    );
    await page.locator('[role=tab]', {hasText: 'Forecast'}).click();
    await page.waitForSelector('table.grid[data-tab="Forecast"]');
    const variance = page.locator('td[data-row="2"][data-col="5"]');
    await expect(variance.getAttribute('data-formula')).resolves.toBe(
      '=FORECAST_VARIANCE(C2:C13, D2:D13)',
    );
    await eventually(async () =>
      expect(await variance.textContent()).toBe('31.0%'),
    );
    await expect(
      page.locator('td[data-row="8"][data-col="5"]').textContent(),
    ).resolves.toBe('4.5%');
    // Typed "$2,120,000" is a number: the variance beside it computes again.
    const closed = page.locator('td[data-row="2"][data-col="4"]');
    await closed.dblclick();
    await closed.locator('input').fill('$2,150,000');
    await closed.locator('input').press('Enter');
    await eventually(async () =>
      expect(await variance.textContent()).toBe('0.0%'),
    );
    await expect(closed.textContent()).resolves.toBe('$2,150,000');
    await expect(closed.getAttribute('class')).resolves.toContain('k-number');
    // A formula of Sheets' own says it is not computed here.
    const spare = page.locator('td[data-row="20"][data-col="2"]');
    await spare.dblclick();
    await spare.locator('input').fill('=SUM(C2:C8)');
    await spare.locator('input').press('Enter');
    await eventually(async () =>
      expect(await spare.textContent()).toBe('not computed here'),
    );
    await dismissToasts();
    await page.screenshot({path: outputPath('preview-formulas.png')});
  });

  it("acts as another person of the team and sets the spreadsheet's zone", async () => {
    await page
      .getByLabel('Act as another person of the team')
      .fill('rep@example.com');
    await page.getByRole('button', {name: 'Act as'}).click();
    await eventually(async () =>
      expect(await text('#user')).toBe('Acting as rep@example.com'),
    );
    expect(preview!.world.emulator.ctx.user).toBe('rep@example.com');
    // A rep is not an editor of the protected record: typing there is refused.
    await page.locator('[role=tab]', {hasText: 'Scorecard'}).click();
    await page.waitForSelector('table.grid[data-tab="Scorecard"]');
    const cell = page.locator('td[data-row="3"][data-col="1"]');
    await cell.dblclick();
    await cell.locator('input').fill('tampered');
    await cell.locator('input').press('Enter');
    await eventually(async () =>
      expect(await text('#toasts')).toContain('protected cell'),
    );
    await page.getByLabel("The spreadsheet's time zone").fill('Asia/Tokyo');
    await page.getByRole('button', {name: 'Set zone'}).click();
    await eventually(async () =>
      expect(await text('#clock-zones')).toContain('Asia/Tokyo'),
    );
    // A date cell keeps its calendar day when the zone changes, as in Sheets.
    await page.locator('[role=tab]', {hasText: 'Forecast'}).click();
    await eventually(async () =>
      expect(
        await page.locator('td[data-row="2"][data-col="2"]').textContent(),
      ).toBe('10/9/2026'),
    );
    expect(preview!.world.emulator.spreadsheet.state.timeZone).toBe(
      'Asia/Tokyo',
    );
  });

  it('starts again from the seed with reset', async () => {
    await page.close();
    await open({seed: 'empty', reset: true, now: MONDAY_MORNING});
    expect(await tabNames()).toEqual(['Sheet1']);
    await eventually(async () => expect(await text('#outbox-count')).toBe('0'));
    await eventually(async () =>
      expect(await text('#triggers')).toContain('None installed'),
    );
  });
});
