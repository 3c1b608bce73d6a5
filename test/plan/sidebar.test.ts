/**
 * The signed plan in the CRO's sidebar, in headless Chromium against the
 * local preview (the built bundle, the sidebar's HTML unchanged): the Grade
 * view shows "Day N of 60" and the signed date, day 1 being the signing day
 * in the spreadsheet's zone (Tokyo, a day ahead of the script's New York on
 * these mornings).
 */
import type {Page} from 'playwright-core';
import {startPreview, type Preview} from '../../scripts/preview/server';
import {launchBrowser, outputPath, type Browser} from '../helpers/browser';

let browser: Browser;
let preview: Preview;
let page: Page;

/** Opens the sidebar as the menu does, at 300 px, and returns the Grade view's plan line. */
async function planLine(): Promise<string> {
  const {outcome} = preview.world.run('openSidebar', [], 'menu');
  expect(outcome.ok).toBe(true);
  const index = preview.world.emulator.ui.sidebars.length - 1;
  await page.goto(`${preview.url}sidebar/${index}`);
  await page.getByRole('heading', {name: /C1/}).waitFor();
  return (await page.locator('#panel-grade .plan-day').textContent()) ?? '';
}

beforeAll(async () => {
  browser = await launchBrowser();
  preview = await startPreview({port: 0, seed: 'sample'});
  preview.world.setTimeZone('Asia/Tokyo');
  page = await browser.newPage();
  await page.setViewportSize({width: 300, height: 900});
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('the signed plan in the Grade view', () => {
  it('shows no plan line before the plan is signed', async () => {
    preview.world.setClock(new Date('2026-11-24T08:00:00+09:00'), false);
    const {outcome} = preview.world.run('openSidebar', [], 'menu');
    expect(outcome.ok).toBe(true);
    const index = preview.world.emulator.ui.sidebars.length - 1;
    await page.goto(`${preview.url}sidebar/${index}`);
    await page.getByRole('heading', {name: /C1/}).waitFor();
    expect(await page.locator('.plan-day').count()).toBe(0);
  });

  it('shows "Day N of 60" counted on Tokyo\'s calendar, and the signed date', async () => {
    // Tuesday 24 November, 08:30 in Tokyo (Monday evening in New York): day 1.
    preview.world.setClock(new Date('2026-11-24T08:30:00+09:00'), false);
    const signed = preview.world.run('signPlan', [], 'menu');
    expect(signed.outcome.ok).toBe(true);
    expect(preview.world.emulator.ui.alerts.at(-1)).toMatch(
      /^60-day plan signed\n\n.*on 2026-11-24.*Today is day 1 of 60\.$/,
    );
    expect(await planLine()).toBe('Day 1 of 60 · plan signed Tue 24 Nov');

    // Friday 27 November, 07:00 in Tokyo: still Thursday in New York. Day 4.
    preview.world.setClock(new Date('2026-11-27T07:00:00+09:00'), false);
    expect(await planLine()).toBe('Day 4 of 60 · plan signed Tue 24 Nov');
    await page.screenshot({
      path: outputPath('plan-sidebar.png'),
      fullPage: true,
    });
  });

  it('names a new version and its day, and says when the 60 days are over', async () => {
    preview.world.setClock(new Date('2026-12-01T09:00:00+09:00'), false);
    const em = preview.world.emulator;
    em.run({}, () => {
      const sheet = em.spreadsheet.exposed().getSheetByName('Commitments')!;
      const header = sheet.getRange(1, 1, 1, 6).getValues()[0];
      sheet.getRange(3, header.indexOf('Target') + 1).setValue('85% or more');
    });
    const resigned = preview.world.run('signPlan', [], 'menu', {
      replies: [{button: 'OK', text: 'The CFO asked for 85%'}],
    });
    expect(resigned.outcome.ok).toBe(true);
    expect(await planLine()).toBe(
      'Day 8 of 60 · plan signed Tue 24 Nov (version 2, Tue 1 Dec)',
    );

    // Sunday 24 January 2027 is day 62.
    preview.world.setClock(new Date('2027-01-24T09:00:00+09:00'), false);
    expect(await planLine()).toBe(
      'The 60 days are over · plan signed Tue 24 Nov (version 2, Tue 1 Dec)',
    );
  });
});
