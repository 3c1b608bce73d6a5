/**
 * The add-on's whole public surface. Every global Apps Script calls is
 * declared here with JSDoc and only delegates; scripts/build.mjs re-emits each
 * export as a top-level function carrying this JSDoc, so custom-function help
 * reaches Sheets' autocomplete.
 */
import {forecastBias, forecastVariance} from './formulas/forecast';
import {buildMenu, notYetAvailable} from './services/menu';
import {showSettingsHelp as settingsHelpDialog} from './services/settings';
import {setUpWorkbookFromMenu} from './services/setup';

// ---------------------------------------------------------------- lifecycle

/**
 * Builds the add-on menu. Runs in AuthMode.NONE before the add-on is enabled
 * in a document, so it touches nothing but the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu();
}

/**
 * Runs when the add-on is installed: builds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// ---------------------------------------------------------------- menu items

/**
 * Menu: Set up workbook. Adds every missing tab, header and setting of the
 * workbook contract (never moving, overwriting or deleting a cell) and says
 * what it added.
 */
export function setUpWorkbook(): void {
  setUpWorkbookFromMenu();
}

/** Menu: Open scorecard sidebar. */
export function openSidebar(): void {
  notYetAvailable('The scorecard sidebar');
}

/** Menu: Snapshot this week now. */
export function snapshotWeekFromMenu(): void {
  notYetAvailable('The weekly snapshot');
}

/** Menu: Run slip check now. */
export function runSlipCheckFromMenu(): void {
  notYetAvailable('The Monday slip check');
}

/** Menu: Verify scorecard record. */
export function verifyScorecardFromMenu(): void {
  notYetAvailable('Verifying the scorecard record');
}

/** Menu: Schedule weekly snapshot and email. */
export function installSchedule(): void {
  notYetAvailable('The weekly schedule');
}

/** Menu: Stop the schedule. */
export function removeSchedule(): void {
  notYetAvailable('The weekly schedule');
}

/** Menu: Settings help. Each setting, its value now, whether it is valid and what is expected. */
export function showSettingsHelp(): void {
  settingsHelpDialog();
}

// ---------------------------------------------------------------- custom functions

/**
 * Forecast variance: |closed − committed| ÷ committed. Works on one cell or a whole column.
 * @param {number|Array<Array<number>>} committed amount committed at the start of the week
 * @param {number|Array<Array<number>>} closed amount closed by Friday
 * @return {number|Array<Array<number>>} the variance as a fraction (format as %)
 * @customfunction
 */
export function FORECAST_VARIANCE(committed: unknown, closed: unknown) {
  return forecastVariance(committed, closed);
}

/**
 * Forecast bias: (closed − committed) ÷ committed, signed; negative means over-forecast.
 * @param {number|Array<Array<number>>} committed amount committed at the start of the week
 * @param {number|Array<Array<number>>} closed amount closed by Friday
 * @return {number|Array<Array<number>>} the signed bias as a fraction (format as %)
 * @customfunction
 */
export function FORECAST_BIAS(committed: unknown, closed: unknown) {
  return forecastBias(committed, closed);
}
