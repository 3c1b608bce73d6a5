/**
 * The CRO's sidebar in headless Chromium at 300 px, against the local
 * preview (the built bundle on the sample workbook, google.script.run
 * stand-in with Apps Script's rules). The scenarios of the issue, in order,
 * on one workbook; then the Grades and Signals tabs are checked row by row
 * through the emulator.
 */
import type {Page, Request} from 'playwright-core';
import {startPreview, type Preview} from '../../scripts/preview/server';
import {launchBrowser, outputPath, type Browser} from '../helpers/browser';
import {records} from './world';

const WIDTH = 300;
const WEEK = '2026-11-20';
const XSS = '<img src=x onerror=alert(1)>';

let browser: Browser;
let preview: Preview;
let page: Page;
/** Server functions the page called, in order. */
const calls: string[] = [];
/** Every URL the page requested that is not the preview's own. */
const external: string[] = [];
const dialogs: string[] = [];
let initialGrades: unknown[][];
let initialSignals: unknown[][];
let dealId: string;
let dealName: string;

function tab(name: string): unknown[][] {
  const em = preview.world.emulator;
  return em.run({}, () =>
    em.spreadsheet.exposed().getSheetByName(name)!.getDataRange().getValues(),
  );
}

/** The local date a date cell holds in the sample's zone. */
const day = (value: unknown) =>
  new Date(value as Date).toLocaleDateString('en-CA', {
    timeZone: 'America/Los_Angeles',
  });

function callsOf(name: string): number {
  return calls.filter(c => c === name).length;
}

/** A full-page screenshot from the top, where the sticky tab bar belongs. */
async function screenshot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({path: outputPath(name), fullPage: true});
}

async function openSidebarPage(): Promise<void> {
  const {outcome} = preview.world.run('openSidebar', [], 'menu');
  expect(outcome.ok).toBe(true);
  const index = preview.world.emulator.ui.sidebars.length - 1;
  await page.goto(`${preview.url}sidebar/${index}`);
  await page.getByRole('heading', {name: /C1/}).waitFor();
}

/** The card of one commitment in the Grade view. */
const card = (id: string) =>
  page.locator('#panel-grade section.commitment').filter({
    has: page.locator('h3 .cid', {hasText: new RegExp(`^${id}$`)}),
  });

beforeAll(async () => {
  browser = await launchBrowser();
  preview = await startPreview({port: 0, seed: 'sample'});
  const em = preview.world.emulator;
  // A commitment whose text is markup: it must show as text.
  em.run({}, () => {
    const sheet = em.spreadsheet.exposed().getSheetByName('Commitments')!;
    const rows = sheet.getDataRange().getValues();
    sheet
      .getRange(2, rows[0].indexOf('Commitment') + 1)
      .setValue(`'Gate every deal ${XSS}`);
  });
  initialGrades = tab('Grades');
  initialSignals = tab('Signals');
  // A deal with no signal this week yet.
  const signalled = new Set(records(initialSignals).map(r => r['Deal ID']));
  const deal = records(tab('Deals')).find(
    d => d['Forecast Category'] === 'Pipeline' && !signalled.has(d['Deal ID']),
  )!;
  dealId = String(deal['Deal ID']);
  dealName = String(deal['Deal']);

  page = await browser.newPage();
  await page.setViewportSize({width: WIDTH, height: 900});
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(preview.url)) external.push(r.url());
    if (r.url().endsWith('/api/run') && r.method() === 'POST') {
      calls.push(String((r.postDataJSON() as {name: string}).name));
    }
  });
  page.on('dialog', d => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openSidebarPage();
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('the CRO’s sidebar at 300 px', () => {
  it('loads in one round trip and shows commitment text as text, never as markup', async () => {
    expect(calls).toEqual(['loadSidebar']);
    await expect(card('C1').locator('h3').textContent()).resolves.toContain(
      XSS,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // Last week's grade and pledge sit beside each commitment.
    await expect(card('C1').locator('.last').textContent()).resolves.toMatch(
      /Last week\s*Yellow.*Pledge\s*Gate review on Tuesday/s,
    );
  });

  it('gives every control a label, and fits 300 px without sideways scrolling', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter(el => {
          const e = el as HTMLInputElement;
          if (e.tagName === 'BUTTON')
            return (e.textContent ?? '').trim() === '';
          return (
            (e.labels?.length ?? 0) === 0 &&
            !e.getAttribute('aria-label') &&
            !e.getAttribute('aria-labelledby')
          );
        })
        .map(el => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    const width = await page.evaluate(
      () => document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(WIDTH);
  });

  it('grades with the keyboard alone: Tab into the choice, Space and the arrow keys', async () => {
    await page.getByRole('tab', {name: 'Grade'}).focus();
    await tabTo('#panel-grade input[type="radio"]');
    await page.keyboard.press('Space');
    expect(
      await card('C1').getByLabel('Green', {exact: true}).isChecked(),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(
      await card('C1').getByLabel('Yellow', {exact: true}).isChecked(),
    ).toBe(true);
    // Yellow makes the reason required, and says so in its label.
    await expect(
      card('C1')
        .getByLabel(/^Reason required for Yellow$/)
        .count(),
    ).resolves.toBe(1);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
    ).toBe('reason');
  });

  it('refuses to save a Yellow without a reason: the error sits next to it and nothing is written', async () => {
    await card('C1').getByLabel('Green', {exact: true}).check();
    await card('C2').getByLabel('Yellow', {exact: true}).check();
    await card('C3').getByLabel('Red', {exact: true}).check();
    await page.getByRole('button', {name: 'Save grades'}).click();
    const error = card('C2').locator('.error:not([hidden])');
    await expect(error.textContent()).resolves.toMatch(
      /Yellow grade needs a reason for C2/,
    );
    // Focus moves to the field at fault.
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
    ).toBe('reason');
    expect(callsOf('saveGrades')).toBe(0);
    expect(tab('Grades')).toEqual(initialGrades);
  });

  it('nudges a reason that blames "macro headwinds", then saves three grades in one round trip', async () => {
    await card('C2')
      .getByLabel(/^Reason/)
      .fill('Two save-plays ran past Thursday');
    await card('C2')
      .getByLabel(/^Next action/)
      .fill('Owners report save-plays at Wednesday stand-up');
    const reason = card('C3').getByLabel(/^Reason/);
    await reason.fill('Macro headwinds slowed two late-stage deals');
    const nudge = card('C3').locator('.nudge:not([hidden])');
    await expect(nudge.textContent()).resolves.toMatch(
      /“macro”, “headwinds”.*never the explanation/,
    );
    await card('C3')
      .getByLabel(/^Next action/)
      .fill('Call the number from Commit deals only');
    await screenshot('sidebar-grade.png');

    const before = preview.world.emulator.ctx.calls.snapshot();
    await page.getByRole('button', {name: 'Save grades'}).click();
    await page.locator('#announcer', {hasText: 'Saved 3 grades'}).waitFor();
    expect(callsOf('saveGrades')).toBe(1);
    const after = preview.world.emulator.ctx.calls.snapshot();
    // One write block for the three rows.
    expect(
      (after['Range.setValues'] ?? 0) - (before['Range.setValues'] ?? 0),
    ).toBe(1);
  });

  it('shows the saved grades after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', {name: /C1/}).waitFor();
    expect(
      await card('C1').getByLabel('Green', {exact: true}).isChecked(),
    ).toBe(true);
    expect(
      await card('C2').getByLabel('Yellow', {exact: true}).isChecked(),
    ).toBe(true);
    expect(await card('C3').getByLabel('Red', {exact: true}).isChecked()).toBe(
      true,
    );
    await expect(
      card('C2')
        .getByLabel(/^Reason/)
        .inputValue(),
    ).resolves.toBe('Two save-plays ran past Thursday');
    await expect(
      card('C3').locator('.nudge:not([hidden])').count(),
    ).resolves.toBe(1);
  });

  it('logs two signals on one deal, keyboard only, and shows it flagged on top', async () => {
    await page.getByRole('tab', {name: 'Grade'}).focus();
    await page.keyboard.press('ArrowRight');
    expect(
      await page
        .getByRole('tab', {name: 'Signals'})
        .getAttribute('aria-selected'),
    ).toBe('true');
    await expect(page.locator('#rate-figure').textContent()).resolves.toMatch(
      /67% · 2 of 3 signals/,
    );

    for (const signal of ['hedged language', 'broken next step']) {
      // Tab from the tab list to the deal search, type, pick with the arrow keys and Enter.
      await page.getByRole('tab', {name: 'Signals'}).focus();
      await tabTo('[role="combobox"]');
      await page.keyboard.type(dealName.slice(0, 12));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const active = await page.evaluate(() =>
        document.activeElement?.getAttribute('aria-activedescendant'),
      );
      expect(active).toBeTruthy();
      // Move to the option of our deal.
      const options = await page.locator('[role="option"]').allTextContents();
      const index = options.findIndex(o => o.includes(dealId));
      expect(index).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe(
        'SELECT',
      );
      await page.keyboard.type(signal);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Seen on ${signal}`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page
        .locator('#announcer', {hasText: `Logged “${signal}” on ${dealId}`})
        .waitFor();
    }
    expect(callsOf('logSignal')).toBe(2);
    const first = page.locator('#panel-signals .deal').first();
    await expect(first.locator('.badge').textContent()).resolves.toBe(
      'Flagged',
    );
    await expect(first.locator('h3').textContent()).resolves.toContain(dealId);
    await expect(first.locator('.meta').textContent()).resolves.toMatch(
      /2 signals · 2 open/,
    );
    await expect(page.locator('#rate-figure').textContent()).resolves.toMatch(
      /40% · 2 of 5 signals/,
    );
  });

  it('assigns a save-play and marks it executed; the rate moves from 40% to 60%', async () => {
    const signal = page
      .locator('#panel-signals .deal')
      .first()
      .locator('.signal')
      .first();
    await signal.locator('summary', {hasText: 'Assign a save-play'}).click();
    await signal
      .getByLabel('Save-play action')
      .fill('Ask the champion for the signature date in writing');
    await signal.getByLabel('Owner').fill('Rep Owner');
    await signal.getByRole('button', {name: 'Assign save-play'}).click();
    await page
      .locator('#announcer', {hasText: 'Save-play assigned to Rep Owner'})
      .waitFor();

    const again = page
      .locator('#panel-signals .deal')
      .first()
      .locator('.signal')
      .first();
    await again.locator('summary', {hasText: 'Mark executed'}).click();
    expect(await again.getByLabel('Executed on').inputValue()).toBe(WEEK);
    await again
      .getByLabel(/^Outcome/)
      .fill('Signature date confirmed for the 30th');
    // A slow server: the button shows progress and a second press sends nothing more.
    await page.route('**/api/run', async route => {
      await new Promise(r => setTimeout(r, 400));
      await route.continue();
    });
    // By its key: while busy its name is "Saving…".
    const button = again.locator('button[data-key^="execute-"]');
    await button.click();
    expect(await button.getAttribute('aria-busy')).toBe('true');
    await expect(button.textContent()).resolves.toBe('Saving…');
    await button.click({force: true});
    await page
      .locator('#announcer', {hasText: 'Save-play marked executed'})
      .waitFor();
    await page.unroute('**/api/run');
    expect(callsOf('executeSavePlay')).toBe(1);
    await expect(page.locator('#rate-figure').textContent()).resolves.toMatch(
      /60% · 3 of 5 signals/,
    );
    await screenshot('sidebar-signals.png');
  });

  it('shows the week’s numbers against their targets with the grades, and takes the snapshot', async () => {
    await page.getByRole('tab', {name: 'Scorecard'}).click();
    const metrics = page.locator('#panel-scorecard .metric');
    expect(await metrics.count()).toBe(5);
    await expect(metrics.nth(0).textContent()).resolves.toMatch(
      /Forecast variance.*beat commit by 4.5%: \$2,215,000 closed of \$2,120,000 committed.*Target: at most 5%/s,
    );
    await expect(metrics.nth(2).textContent()).resolves.toMatch(
      /5 signals this week, 4 last week/,
    );
    await expect(metrics.nth(3).textContent()).resolves.toMatch(
      /3 of 5 signals got a save-play \(60%\)/,
    );
    const grades = await page
      .locator('#panel-scorecard .grades-list li')
      .allTextContents();
    expect(grades.map(g => g.slice(0, 9))).toEqual([
      'GreenC1 G',
      'YellowC2 ',
      'RedC3 Cal',
    ]);
    await page.getByRole('button', {name: 'Take the snapshot now'}).click();
    await page.locator('#announcer', {hasText: /Recorded week 7/}).waitFor();
    await screenshot('sidebar-scorecard.png');
  });

  it('made no request outside the preview and opened no dialog', () => {
    expect(external).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('leaves exactly the expected Grades and Signals rows in the workbook', () => {
    const grades = tab('Grades');
    expect(grades.slice(0, initialGrades.length)).toEqual(initialGrades);
    const added = records(grades).slice(initialGrades.length - 1);
    expect(
      added.map(r => [
        day(r['Week Ending']),
        r['Commitment ID'],
        r['Grade'],
        r['Reason'],
        r['Next Action'],
      ]),
    ).toEqual([
      [WEEK, 'C1', 'Green', '', ''],
      [
        WEEK,
        'C2',
        'Yellow',
        'Two save-plays ran past Thursday',
        'Owners report save-plays at Wednesday stand-up',
      ],
      [
        WEEK,
        'C3',
        'Red',
        'Macro headwinds slowed two late-stage deals',
        'Call the number from Commit deals only',
      ],
    ]);

    const signals = tab('Signals');
    expect(signals.slice(0, initialSignals.length)).toEqual(initialSignals);
    const logged = records(signals).slice(initialSignals.length - 1);
    expect(
      logged.map(r => [
        r['Deal ID'],
        r['Signal'],
        r['Source'],
        r['Note'],
        r['Save Play'],
        r['Save Play Owner'],
        r['Save Play Executed On'] === ''
          ? ''
          : day(r['Save Play Executed On']),
        r['Outcome'],
      ]),
    ).toEqual([
      [
        dealId,
        'hedged language',
        'manual',
        'Seen on hedged language',
        'Ask the champion for the signature date in writing',
        'Rep Owner',
        WEEK,
        'Signature date confirmed for the 30th',
      ],
      [
        dealId,
        'broken next step',
        'manual',
        'Seen on broken next step',
        '',
        '',
        '',
        '',
      ],
    ]);
  });
});

/** Presses Tab until the focused element matches, failing when it is never reached. */
async function tabTo(selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.evaluate(
        s => document.activeElement?.matches(s) ?? false,
        selector,
      )
    )
      return;
  }
  throw new Error(`${selector} is not reachable with the Tab key`);
}
