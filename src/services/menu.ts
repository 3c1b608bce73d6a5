/**
 * The add-on menu. Built in onOpen, which may run in AuthMode.NONE where only
 * menus work, so this touches nothing but the Ui.
 */

/** Menu labels and the global function (in index.ts) each item calls. */
export const MENU_ITEMS: ReadonlyArray<
  readonly [label: string, handler: string]
> = [
  ['Set up workbook', 'setUpWorkbook'],
  ['Open scorecard sidebar', 'openSidebar'],
  ['Snapshot this week now', 'snapshotWeekFromMenu'],
  ['Run slip check now', 'runSlipCheckFromMenu'],
  ['Verify scorecard record', 'verifyScorecardFromMenu'],
  ['Sign the 60-day plan', 'signPlan'],
  ['Schedule weekly snapshot and email', 'installSchedule'],
  ['Stop the schedule', 'removeSchedule'],
  ['Settings help', 'showSettingsHelp'],
  // post-mortem (issue 13 §3)
  ['Draft the post-mortem', 'draftPostMortem'],
  ['Email me the draft', 'emailPostMortemDraft'],
];

const SEPARATOR_AFTER = new Set([
  'openSidebar',
  'verifyScorecardFromMenu',
  'removeSchedule',
  'showSettingsHelp',
]);

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [label, handler] of MENU_ITEMS) {
    menu.addItem(label, handler);
    if (SEPARATOR_AFTER.has(handler)) menu.addSeparator();
  }
  menu.addToUi();
}
