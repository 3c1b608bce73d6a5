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
import {SLIP_SIGNALS} from '../../src/domain/workbook';
import {activateSixCommitments, records} from './world';

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
/** The signal logged and withdrawn again while checking that one message replaces another. */
let extraDeal = '';
let extraSignal = '';

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

  it('counts characters and refuses over-long text with a message instead of cutting it', async () => {
    const reason = card('C2').getByLabel(/^Reason/);
    await reason.fill('x'.repeat(2050));
    // Kept whole: nothing is cut at 2,000.
    expect((await reason.inputValue()).length).toBe(2050);
    const count = card('C2').locator('.counter').first();
    await expect(count.textContent()).resolves.toBe('2,050 / 2,000');
    expect(await count.getAttribute('class')).toContain('over');
    await page.getByRole('button', {name: 'Save grades'}).click();
    await expect(
      card('C2').locator('.error:not([hidden])').textContent(),
    ).resolves.toBe(
      'Reason for C2 is 2,050 characters; the limit is 2,000. Shorten it by 50.',
    );
    expect(callsOf('saveGrades')).toBe(0);
    // Every text field has its counter.
    const fields = await page.evaluate(() =>
      [...document.querySelectorAll('textarea, input[type="text"]')]
        .filter(el => el.getAttribute('role') !== 'combobox')
        .map(el =>
          (el.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .some(id =>
              document.getElementById(id)?.classList.contains('counter'),
            ),
        ),
    );
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every(Boolean)).toBe(true);
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
    // C1's Metric is gate compliance, Red this week: a Green contradicts it, and the nudge says so with the number.
    await expect(
      card('C1').locator('.nudge:not([hidden])').textContent(),
    ).resolves.toMatch(
      /^Qualification-gate compliance is Red this week: \d+(\.\d)?% of Commit deals pass the gate \(target: at least 100%\)\. A Green grade says otherwise/,
    );
    // C3's Metric is forecast variance, on target: a Red needs no nudge about the number.
    await expect(
      card('C3').locator('.nudge:not([hidden])').allTextContents(),
    ).resolves.toEqual([expect.stringMatching(/“macro”/)]);
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
      /67% · 2 of 3 signals executed/,
    );

    for (const signal of ['hedged language', 'broken next step']) {
      // Tab from the tab list to the deal search, type, pick with the arrow keys and Enter.
      await page.getByRole('tab', {name: 'Signals'}).focus();
      await tabTo('[role="combobox"]');
      await page.keyboard.type(dealName.slice(0, 12));
      // Nothing is highlighted until the first ArrowDown, which highlights the first option.
      expect(await activeOption()).toBeNull();
      await page.keyboard.press('ArrowDown');
      const options = await page.locator('[role="option"]').allTextContents();
      expect(await activeOption()).toBe(options[0]);
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
        .locator('#announcer', {
          hasText: `Logged “${signal}” on ${dealName} (${dealId}).`,
        })
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
      /40% · 2 of 5 signals executed/,
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
      .locator('#announcer', {
        hasText: `Save-play on ${dealName} (${dealId}) assigned to Rep Owner.`,
      })
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
      .locator('#announcer', {
        hasText: `Save-play on ${dealName} (${dealId}) marked executed.`,
      })
      .waitFor();
    await page.unroute('**/api/run');
    expect(callsOf('executeSavePlay')).toBe(1);
    await expect(page.locator('#rate-figure').textContent()).resolves.toMatch(
      /60% · 3 of 5 signals executed/,
    );
    // Assigned save-plays are shown apart from the rate.
    await expect(page.locator('#rate-assigned').textContent()).resolves.toBe(
      '1 more save-play assigned, not yet executed (not in the rate).',
    );
  });

  it('withdraws a signal logged by mistake: it stays listed, marked, and no count includes it', async () => {
    const deal = page.locator('#panel-signals .deal').first();
    const mistaken = deal
      .locator('.signal')
      .filter({hasText: 'broken next step'});
    // The executed one cannot be withdrawn; the open one can, by whoever logged it.
    await expect(
      deal
        .locator('.signal')
        .filter({hasText: 'hedged language'})
        .locator('summary', {hasText: 'Withdraw'})
        .count(),
    ).resolves.toBe(0);
    await mistaken
      .locator('summary', {hasText: 'Withdraw this signal'})
      .click();
    await mistaken.getByRole('button', {name: 'Withdraw signal'}).click();
    await page
      .locator('#announcer', {
        hasText: `Withdrew “broken next step” on ${dealName} (${dealId}): it no longer counts.`,
      })
      .waitFor();
    expect(callsOf('withdrawSignal')).toBe(1);
    await expect(page.locator('#rate-figure').textContent()).resolves.toMatch(
      /75% · 3 of 4 signals executed/,
    );
    const card = page.locator('#panel-signals .deal').filter({hasText: dealId});
    await expect(card.locator('.meta').textContent()).resolves.toMatch(
      /1 signal · 0 open · 1 withdrawn/,
    );
    await expect(card.locator('.badge').count()).resolves.toBe(0);
    await expect(
      card.locator('.signal.withdrawn').textContent(),
    ).resolves.toMatch(/broken next step.*Withdrawn.*not counted/s);
    await screenshot('sidebar-signals.png');
  });

  it('picks the first match with the first ArrowDown, and one message replaces the other', async () => {
    const search = page.locator('input[role="combobox"]');
    // A query several open deals match.
    const query = 'GTX';
    await search.fill(query);
    const options = await page.locator('[role="option"]').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await search.press('ArrowDown');
    const firstName = await page.locator('.option-name').first().textContent();
    const firstMeta = await page.locator('.option-meta').first().textContent();
    await search.press('Enter');
    extraDeal = String(firstMeta).split(' · ')[0];
    expect(await search.inputValue()).toBe(`${firstName} (${extraDeal})`);

    // The withdrawal's message is showing; an error replaces it.
    expect(await page.locator('#announcer').count()).toBe(1);
    await page.getByRole('button', {name: 'Log signal'}).click();
    await expect(
      page.locator('#panel-signals .error:not([hidden])').textContent(),
    ).resolves.toMatch(/Choose one of the seven slip signals/);
    expect(await page.locator('#announcer').count()).toBe(0);
    // ...and a success replaces the error.
    const taken = new Set(
      records(tab('Signals'))
        .filter(
          r =>
            r['Deal ID'] === extraDeal && day(r['Logged At']) >= '2026-11-16',
        )
        .map(r => r['Signal']),
    );
    extraSignal = SLIP_SIGNALS.find(x => !taken.has(x))!;
    await page.getByLabel('Signal', {exact: true}).selectOption(extraSignal);
    await page.getByRole('button', {name: 'Log signal'}).click();
    await page
      .locator('#announcer', {
        hasText: `Logged “${extraSignal}” on ${firstName} (${extraDeal}).`,
      })
      .waitFor();
    expect(
      await page.locator('#panel-signals .error:not([hidden])').count(),
    ).toBe(0);
    // Withdraw it again, so the week's counts stay those of the scenario.
    const logged = page
      .locator('#panel-signals .signal')
      .filter({hasText: extraSignal})
      .filter({has: page.locator('summary', {hasText: 'Withdraw'})});
    await logged.locator('summary', {hasText: 'Withdraw this signal'}).click();
    await logged.getByRole('button', {name: 'Withdraw signal'}).click();
    await page
      .locator('#announcer', {hasText: `Withdrew “${extraSignal}”`})
      .waitFor();
  });

  it('records this week’s attendance from the Scorecard view, and the number moves', async () => {
    await page.getByRole('tab', {name: 'Scorecard'}).click();
    const attendance = page.locator('#panel-scorecard .metric').nth(4);
    await expect(attendance.textContent()).resolves.toMatch(
      /no attendance recorded/,
    );
    // More attended than invited is refused next to the field, and nothing is written.
    const before = tab('Attendance');
    await page.getByLabel('Invited').fill('12');
    await page.getByLabel('Attended').fill('13');
    await page.getByRole('button', {name: 'Save attendance'}).click();
    await expect(
      page.locator('#panel-scorecard .error:not([hidden])').textContent(),
    ).resolves.toBe('Attended cannot be more than Invited.');
    expect(tab('Attendance')).toEqual(before);
    await page.getByLabel('Attended').fill('11');
    await page.getByRole('button', {name: 'Save attendance'}).click();
    await page
      .locator('#announcer', {
        hasText:
          /^Recorded attendance for the week ending Fri 20 Nov: 11 of 12 attended\.$/,
      })
      .waitFor();
    await expect(attendance.textContent()).resolves.toMatch(
      /92% of those invited attended/,
    );
    const rows = records(tab('Attendance'));
    expect(rows.length).toBe(records(before).length + 1);
    const last = rows.at(-1)!;
    expect([
      day(last['Week Ending']),
      last['Invited'],
      last['Attended'],
    ]).toEqual([WEEK, 12, 11]);
  });

  it('shows the week’s numbers against their targets with the grades, and whether the week is recorded', async () => {
    const metrics = page.locator('#panel-scorecard .metric');
    expect(await metrics.count()).toBe(5);
    await expect(metrics.nth(0).textContent()).resolves.toMatch(
      /Forecast variance.*beat commit by 4.5%: \$2,215,000 closed of \$2,120,000 committed.*Target: at most 5%/s,
    );
    // The withdrawn signals count nowhere.
    await expect(metrics.nth(2).textContent()).resolves.toMatch(
      /4 signals this week, 4 last week/,
    );
    await expect(metrics.nth(3).textContent()).resolves.toMatch(
      /3 of 4 signals had their save-play executed \(75%\); 1 more assigned, not yet executed/,
    );
    const grades = await page
      .locator('#panel-scorecard .grades-list li')
      .allTextContents();
    expect(grades.map(g => g.slice(0, 9))).toEqual([
      'GreenC1 G',
      'YellowC2 ',
      'RedC3 Cal',
    ]);
    // Not recorded yet: the status card says when the scheduled snapshot runs.
    const status = page.locator('#record-status');
    await status
      .locator('li', {
        hasText:
          'Week 7 is not recorded yet. The scheduled snapshot runs Fri 20 Nov 2026 at 16:00 (America/Los_Angeles).',
      })
      .waitFor();
    expect(callsOf('weekRecordStatus')).toBe(1);
    await screenshot('sidebar-scorecard.png');
  });

  it('before the scheduled time, shows what will go out and asks first; a week changed since is shown again', async () => {
    const scorecardBefore = tab('Scorecard');
    const status = page.locator('#record-status');
    const outboxBefore = preview.world.emulator.outbox.length;
    await page.getByRole('button', {name: 'Take the snapshot now'}).click();
    // 15:00 on the Scorecard Day, before its 16:00 run: nothing is written until the CRO has seen it.
    const confirm = page.locator('#panel-scorecard section.confirm');
    await confirm
      .getByRole('heading', {name: 'Email week 7 to the CFO now?'})
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'confirm-title',
    );
    expect(tab('Scorecard')).toEqual(scorecardBefore);
    expect(preview.world.emulator.outbox.length).toBe(outboxBefore);
    await expect(confirm.locator('p.small').textContent()).resolves.toBe(
      'Before the scheduled snapshot (Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)), confirm what goes to the CFO. Nothing was recorded or sent.',
    );
    // What the CFO will read: the email's own subject, numbers and grades.
    await expect(confirm.locator('h3').allTextContents()).resolves.toEqual([
      'What cfo@example.com will read',
    ]);
    await expect(confirm.locator('.subject').textContent()).resolves.toBe(
      'Subject: Rebuild scorecard, week 7 ending Fri 20 Nov 2026: beat commit by 4.5% against a 5% target (on target)',
    );
    await expect(
      confirm.locator('.preview-numbers li').allTextContents(),
    ).resolves.toEqual([
      expect.stringMatching(/^GREEN Forecast variance: beat commit by 4\.5%/),
      expect.stringMatching(/^RED Qualification-gate compliance: /),
      expect.stringMatching(
        /^YELLOW Slip-signal density: 4 signals this week, 4 last week/,
      ),
      expect.stringMatching(/^YELLOW Save-play execution rate: 3 of 4 /),
      expect.stringMatching(/Scorecard attendance: 92% /),
    ]);
    const graded = await confirm
      .locator('.preview-commitments li')
      .allTextContents();
    expect(graded.map(g => g.split(' ')[0])).toEqual([
      'Green',
      'Yellow',
      'Red',
    ]);
    // The commitment's markup is text here too.
    expect(graded[0]).toContain(XSS);
    expect(await page.locator('img').count()).toBe(0);
    await screenshot('sidebar-confirm.png');

    // Someone changes this week's Closed while the CRO reads: the confirmation is refused, the new preview shown.
    const em = preview.world.emulator;
    const week7 = records(tab('Forecast')).find(r => r['Week'] === 7)!;
    em.run({}, () => {
      const sheet = em.spreadsheet.exposed().getSheetByName('Forecast')!;
      const head = sheet.getDataRange().getValues()[0];
      sheet.getRange(week7.row, head.indexOf('Closed') + 1).setValue(2265000);
    });
    await confirm.getByRole('button', {name: 'Record and email now'}).click();
    await confirm
      .locator('p.small', {
        hasText:
          /^Week 7 changed since you looked at it\. Nothing was recorded or sent: check it again\.$/,
      })
      .waitFor();
    await expect(confirm.locator('.subject').textContent()).resolves.toMatch(
      /beat commit by 6\.8%/,
    );
    expect(tab('Scorecard')).toEqual(scorecardBefore);
    expect(preview.world.emulator.outbox.length).toBe(outboxBefore);

    // Not now: nothing happens, and focus returns to the button.
    await confirm.getByRole('button', {name: 'Not now'}).click();
    expect(await confirm.count()).toBe(0);
    expect(
      await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.key,
      ),
    ).toBe('snapshot');
    expect(tab('Scorecard')).toEqual(scorecardBefore);

    // Asked again and confirmed: recorded and emailed, and the status card says when and to whom.
    await page.getByRole('button', {name: 'Take the snapshot now'}).click();
    await confirm.getByRole('button', {name: 'Record and email now'}).click();
    await page
      .locator('#announcer', {
        hasText:
          /^Recorded week 7 in Scorecard row \d+\. The CFO was emailed\.$/,
      })
      .waitFor();
    const row = records(tab('Scorecard')).at(-1)!;
    expect([row['Signals Fired'], row['Save Plays Executed']]).toEqual([4, 3]);
    expect(row['Closed']).toBe(2265000);
    expect(preview.world.emulator.outbox.length).toBe(outboxBefore + 1);
    await status
      .locator('li', {
        hasText: /^Emailed Fri 20 Nov, 15:00 to cfo@example\.com\.$/,
      })
      .waitFor();
    await expect(status.locator('li').first().textContent()).resolves.toMatch(
      /^Week 7 recorded in Scorecard row \d+ Fri 20 Nov, 15:00 by owner@example\.com\.$/,
    );
    await screenshot('sidebar-record-status.png');
  });

  it('keeps a long message to a sentence with the details folded, never over a quarter of the panel, and lets it be dismissed', async () => {
    // A panel as short as Sheets gives it on a laptop.
    await page.setViewportSize({width: WIDTH, height: 502});
    // The week changes after it was recorded: the next snapshot is an amendment with a diff.
    await page.getByLabel('Attended').fill('10');
    await page.getByRole('button', {name: 'Update attendance'}).click();
    await page.locator('#announcer', {hasText: /10 of 12 attended/}).waitFor();
    await page.getByRole('button', {name: 'Take the snapshot now'}).click();
    // An amendment emails nobody at once (its corrections go with the scheduled run): it does not ask.
    const text = page.locator('#announcer', {
      hasText:
        /^Recorded an amendment to week 7 in Scorecard row \d+ \(\d+ changes?\)\. The CFO gets the corrections in the next scheduled run\.$/,
    });
    await text.waitFor();
    const banner = page.locator('#message-bar');
    const details = banner.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await expect(details.locator('li').first().textContent()).resolves.toMatch(
      /^Attendance: /,
    );
    // The live region holds the words only: the Dismiss button is not read out with them.
    expect(await page.locator('[role="status"] button').count()).toBe(0);
    const quarter = 502 / 4;
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(quarter);
    // Even unfolded it stays within a quarter, scrolling inside.
    await details.locator('summary').click();
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(quarter);
    await page.screenshot({path: outputPath('sidebar-message.png')});
    // Dismissed, it is gone and focus returns to the view.
    await banner.getByRole('button', {name: 'Dismiss message'}).click();
    expect(await page.locator('#announcer').count()).toBe(0);
    expect((await banner.boundingBox())?.height ?? 0).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'panel-scorecard',
    );
    await page.setViewportSize({width: WIDTH, height: 900});
    // The status card names the amendment and when its corrections go out.
    await page
      .locator('#record-status li', {
        hasText: 'The CFO gets what changed in the next scheduled run.',
      })
      .waitFor();
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

    // Whoever ran the sidebar is recorded as the one who logged.
    const user = preview.world.emulator.ctx.user;
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
        r['Logged By'],
        r['Withdrawn At'] === '' ? 'counts' : 'withdrawn',
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
        user,
        'counts',
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
        user,
        'withdrawn',
      ],
      [extraDeal, extraSignal, 'manual', '', '', '', '', '', user, 'withdrawn'],
    ]);
  });

  it('refuses to save grades while more than 5 commitments are active, and says how to retire one', async () => {
    activateSixCommitments(preview.world.emulator);
    await openSidebarPage();
    const saves = callsOf('saveGrades');
    await expect(
      page.locator('#panel-grade .problem').textContent(),
    ).resolves.toMatch(/6 active commitments/);
    for (const id of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']) {
      await card(id).getByLabel('Green', {exact: true}).check();
    }
    await page.getByRole('button', {name: 'Save grades'}).click();
    await expect(
      page.locator('#panel-grade .form-error:not([hidden])').textContent(),
    ).resolves.toBe(
      'Not saved: the plan has 6 active commitments and the playbook allows never more than 5. Retire one: untick Active for it on the Commitments tab, then reload the sidebar and save again.',
    );
    expect(callsOf('saveGrades')).toBe(saves);
  });

  it('still loads the grading with a renamed Deals column, and shows the problem where deals are needed', async () => {
    const em = preview.world.emulator;
    em.run({}, () => {
      const sheet = em.spreadsheet.exposed().getSheetByName('Deals')!;
      const header = sheet.getDataRange().getValues()[0];
      sheet
        .getRange(1, header.indexOf('EB Confirmed On') + 1)
        .setValue('EB sign-off (old)');
    });
    await openSidebarPage();
    expect(
      await page.locator('#panel-grade section.commitment').count(),
    ).toBeGreaterThanOrEqual(3);
    const problem =
      /The "Deals" tab has no "EB Confirmed On" header in row 1: add it/;
    await page.getByRole('tab', {name: 'Scorecard'}).click();
    await expect(
      page.locator('#panel-scorecard .problem').first().textContent(),
    ).resolves.toMatch(problem);
    await expect(
      page.locator('#panel-scorecard .metric').nth(1).textContent(),
    ).resolves.toMatch(/not computed: the Deals tab cannot be read/);
    await screenshot('sidebar-deals-problem.png');
    // The deal list needs no EB column: deals are still offered for a signal.
    await page.getByRole('tab', {name: 'Signals'}).click();
    expect(await page.locator('#panel-signals .problem').count()).toBe(0);

    // Without Forecast Category no deal can be offered as open: the Signals view says why.
    em.run({}, () => {
      const sheet = em.spreadsheet.exposed().getSheetByName('Deals')!;
      const header = sheet.getDataRange().getValues()[0];
      sheet
        .getRange(1, header.indexOf('Forecast Category') + 1)
        .setValue('Category (old)');
    });
    await openSidebarPage();
    await page.getByRole('tab', {name: 'Signals'}).click();
    await expect(
      page.locator('#panel-signals .problem').textContent(),
    ).resolves.toMatch(/The "Deals" tab has no "Forecast Category" header/);
  });
});

/** The text of the option the focused combobox highlights (null when none is). */
async function activeOption(): Promise<string | null> {
  return page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });
}

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
