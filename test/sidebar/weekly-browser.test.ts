/**
 * The weekly part of the CRO's sidebar (issue 13 §5, §6, §7) in headless
 * Chromium at 300 px, against the local preview (the built bundle on the
 * sample workbook, google.script.run with Apps Script's rules): wrong calls
 * named first in the Grade view, the recommit update drafted from week 4,
 * and the two scorecards side by side in the Scorecard view.
 */
import type {Page} from 'playwright-core';
import {startPreview, type Preview} from '../../scripts/preview/server';
import {launchBrowser, outputPath, type Browser} from '../helpers/browser';
import {
  col,
  currentQuarter,
  localDay,
  values,
  weekEndingCell,
  wrongCallsWeek,
} from '../helpers/weekly';

const EQUALS = '=IMPORTXML("x") was mine: I trusted a quiet champion.';
const MARKUP =
  'I called <img src=x onerror=alert(1)> & missed the paper process.';

let browser: Browser;
let preview: Preview;
let page: Page;
let w: ReturnType<typeof wrongCallsWeek>;
const dialogs: string[] = [];

function tab(name: string) {
  const em = preview.world.emulator;
  return em.run({}, () => {
    const range = em.spreadsheet.exposed().getSheetByName(name)!.getDataRange();
    return {values: range.getValues(), formulas: range.getFormulas()};
  });
}

async function openSidebarPage(): Promise<void> {
  const {outcome} = preview.world.run('openSidebar', [], 'menu');
  expect(outcome.ok).toBe(true);
  const index = preview.world.emulator.ui.sidebars.length - 1;
  await page.goto(`${preview.url}sidebar/${index}`);
  await page.getByRole('heading', {name: /C1/}).waitFor();
}

const wrongCalls = () => page.locator('#panel-grade section.wrong-calls');

beforeAll(async () => {
  browser = await launchBrowser();
  preview = await startPreview({port: 0, seed: 'sample'});
  const em = preview.world.emulator;
  w = wrongCallsWeek(em);
  // A downturn: the quarter's commit adjusted to 90%.
  const quarter = currentQuarter(em);
  quarter[col(em, 'Quarters', 'Downturn-Adjusted Commit')] =
    (quarter[col(em, 'Quarters', 'Commit')] as number) * 0.9;
  page = await browser.newPage();
  await page.setViewportSize({width: 300, height: 900});
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

describe('the weekly part of the sidebar at 300 px', () => {
  it('lists the wrong calls first in the Grade view, each "not yet named", with room for one sentence', async () => {
    const first = page.locator('#panel-grade section.card').first();
    await expect(first.getAttribute('aria-label')).resolves.toBe(
      'Wrong calls I am naming',
    );
    const labels = await wrongCalls().locator('label').allTextContents();
    expect(labels).toEqual([
      `${w.a.deal} went Closed Lost`,
      `${w.b.deal} close date moved to ${w.movedTo}, past the quarter end ${w.quarterEnd}`,
      `${w.f.deal} went Closed Lost`,
    ]);
    await expect(wrongCalls().getByText('not yet named').count()).resolves.toBe(
      3,
    );
  });

  it('saves a sentence starting with "=" and one holding markup as text, never a formula, and shows them as typed after a reload', async () => {
    const inputs = wrongCalls().locator('input');
    await inputs.nth(0).fill(EQUALS);
    await inputs.nth(1).fill(MARKUP);
    await wrongCalls()
      .getByRole('button', {name: 'Save the sentences'})
      .click();
    await wrongCalls().getByText('Saved for Friday’s email.').waitFor();
    const words = tab('CRO Words');
    expect(words.values.slice(1).map(r => [r[1], r[2], r[3]])).toEqual([
      ['wrong call', w.a.id, EQUALS],
      ['wrong call', w.b.id, MARKUP],
      ['wrong call', w.f.id, ''],
    ]);
    expect(words.formulas.flat().every(f => f === '')).toBe(true);

    await openSidebarPage();
    await expect(
      wrongCalls().locator('input').nth(0).inputValue(),
    ).resolves.toBe(EQUALS);
    await expect(
      wrongCalls().locator('input').nth(1).inputValue(),
    ).resolves.toBe(MARKUP);
    // Only the one left unnamed still says so; the markup never became an element.
    await expect(wrongCalls().getByText('not yet named').count()).resolves.toBe(
      1,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('refuses an over-long sentence next to the field and saves nothing', async () => {
    const before = tab('CRO Words').values;
    const input = wrongCalls().locator('input').nth(2);
    // An input cannot hold a line break (the server refuses one: test/record/weekly.test.ts).
    await input.fill('x'.repeat(501));
    await wrongCalls()
      .getByRole('button', {name: 'Save the sentences'})
      .click();
    await expect(
      wrongCalls().locator('.error:not([hidden])').textContent(),
    ).resolves.toMatch(/501 characters; the limit is 500/);
    expect(tab('CRO Words').values).toEqual(before);
    await input.fill('');
  });

  it('drafts the recommit update from the latest grades in the playbook’s words, and includes the CRO’s edit', async () => {
    const card = page.locator('#panel-grade section.recommit');
    await card.getByRole('button', {name: 'Draft the recommit update'}).click();
    const text = card.locator('textarea');
    const draft = await text.inputValue();
    expect(draft).toMatch(
      /^Six weeks ago I made three commitments\. Here is the status of each one\. /,
    );
    // The CRO's own words: every reason of this week's Yellow and Red grades, and their next actions.
    const grades = tab('Grades').values;
    const week = localDay(
      preview.world.emulator,
      weekEndingCell(preview.world.emulator),
    );
    const off = grades
      .slice(1)
      .filter(
        r =>
          localDay(preview.world.emulator, r[0]) === week &&
          (r[2] === 'Yellow' || r[2] === 'Red'),
      );
    for (const r of off) {
      expect(draft).toContain(String(r[3]).replace(/\.$/, ''));
      expect(draft).toContain(String(r[4]).replace(/\.$/, ''));
    }
    if (off.length) expect(draft).toContain('Here is what I am doing about');
    await text.fill(`${draft}\n<b>Edited</b> by the CRO.`);
    await card.getByRole('button', {name: 'Include in Friday’s email'}).click();
    await card.getByText('Saved for Friday’s email.').waitFor();
    const saved = tab('CRO Words').values.find(r => r[1] === 'recommit')!;
    expect(saved[3]).toBe(`${draft}\n<b>Edited</b> by the CRO.`);
    await page.screenshot({
      path: outputPath('sidebar-weekly.png'),
      fullPage: true,
    });
  });

  it('shows the two scorecards side by side in the Scorecard view, with the gap', async () => {
    await page.getByRole('tab', {name: 'Scorecard'}).click();
    const table = page.locator('#panel-scorecard table.dual-table');
    await table.waitFor();
    const rows = await table.locator('tr').allInnerTexts();
    expect(rows[0].split('\t').map(s => s.trim())).toEqual([
      '',
      'Original',
      'Adjusted',
      'Gap',
    ]);
    expect(rows[1]).toMatch(/^Committed\t\$[\d,]+\t\$[\d,]+\t\$[\d,]+$/);
    expect(rows[2]).toMatch(/^Variance\t[\d.]+%\t[\d.]+%\t[\d.]+ points$/);
  });

  it('offers no recommit draft before week 4 of the plan', async () => {
    const em = preview.world.emulator;
    const settings = values(em, 'Settings');
    const start = settings.find(r => r[0] === 'Rebuild Start')!;
    const old = start[1];
    // Week 3: Rebuild Start two weeks before this week's Monday.
    start[1] = new Date(weekEndingCell(em).getTime() - (4 + 14) * 864e5);
    try {
      await openSidebarPage();
      await expect(
        page.locator('p.week').first().textContent(),
      ).resolves.toMatch(/^Week 3 · /);
      await expect(
        page.getByRole('button', {name: 'Draft the recommit update'}).count(),
      ).resolves.toBe(0);
    } finally {
      start[1] = old;
    }
  });
});
