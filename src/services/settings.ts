/**
 * The Settings tab, read through the table layer and parsed into one typed
 * object. Date cells become calendar dates in the spreadsheet's time zone.
 */
import {
  checkSettings,
  parseSettings,
  settingsHelp,
  type ParseOptions,
  type Settings,
  type SettingsCheck,
} from '../domain/settings';
import {toText} from '../domain/cells';
import {SETTINGS_TAB} from '../domain/workbook';
import {zoneClock} from './clock';
import {readTable, tableOf} from './tables';
import {activeSpreadsheet} from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Settings tab's pairs, name → value; the first row of a repeated name counts. */
export function readSettingPairs(
  spreadsheet: Spreadsheet,
  /** The Settings tab and its cells, when the caller has just read them. */
  read?: {sheet: Sheet; cells: unknown[][]},
): Record<string, unknown> {
  const required = ['Setting', 'Value'];
  const table = read
    ? tableOf(SETTINGS_TAB, read.sheet, read.cells, {required})
    : readTable(spreadsheet, SETTINGS_TAB, {required});
  const pairs: Record<string, unknown> = {};
  for (const {record} of table.rows) {
    const name = toText(record['Setting']);
    if (name !== '' && !(name in pairs)) pairs[name] = record['Value'];
  }
  return pairs;
}

/** Date cells read in the spreadsheet's zone; a caller that already asked for the zone passes it (one round trip fewer). */
function options(
  spreadsheet: Spreadsheet,
  timeZone = spreadsheet.getSpreadsheetTimeZone(),
): ParseOptions {
  const clock = zoneClock(timeZone);
  return {
    localDate: d => clock.localDate(d),
    locale: spreadsheet.getSpreadsheetLocale(),
  };
}

/** The settings, or an Error naming every invalid setting, its value and what is expected. */
export function readSettings(
  spreadsheet: Spreadsheet,
  timeZone?: string,
): Settings {
  return parseSettings(
    readSettingPairs(spreadsheet),
    options(spreadsheet, timeZone),
  );
}

/** The settings with their issues, without throwing on an invalid one. */
export function checkWorkbookSettings(
  spreadsheet: Spreadsheet,
  timeZone?: string,
): SettingsCheck {
  return checkSettings(
    readSettingPairs(spreadsheet),
    options(spreadsheet, timeZone),
  );
}

/**
 * The settings with their issues for the record's keepers (CRO Email, Record
 * Keepers) alone: the zone and locale shape only dates and amounts, never an
 * email, so set-up's protection check does not ask for them (two round trips).
 * Its dates and amounts are not to be used.
 */
export function checkKeeperSettings(
  spreadsheet: Spreadsheet,
  read?: {sheet: Sheet; cells: unknown[][]},
): SettingsCheck {
  const clock = zoneClock('UTC');
  return checkSettings(readSettingPairs(spreadsheet, read), {
    localDate: d => clock.localDate(d),
    locale: 'en_US',
  });
}

/**
 * Menu: Settings help, as a dialog: each setting, what it means, its value
 * now, whether it is valid and what is expected. Without a Settings tab, an
 * alert says how to add one.
 */
export function showSettingsHelp(): void {
  const spreadsheet = activeSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  let help: ReturnType<typeof settingsHelp>;
  try {
    help = settingsHelp(readSettingPairs(spreadsheet), options(spreadsheet));
  } catch (err) {
    ui.alert(
      'Settings help could not read the Settings tab',
      (err as Error).message,
      ui.ButtonSet.OK,
    );
    return;
  }
  const template = HtmlService.createTemplateFromFile('settings-help');
  template.help = help;
  ui.showModalDialog(
    template.evaluate().setWidth(720).setHeight(560),
    'Trust Rebuild settings',
  );
}

/**
 * The settings for the weekly record: an invalid CFO Email must not lose the
 * snapshot, so it is returned as a problem for delivery to log (naming the
 * setting and the address) instead of refusing; any other invalid setting
 * refuses as readSettings does.
 */
export function readRecordSettings(
  spreadsheet: Spreadsheet,
  timeZone?: string,
): {settings: Settings; cfoEmailProblem: string} {
  const {settings, issues} = checkWorkbookSettings(spreadsheet, timeZone);
  const cfo = issues.find(i => i.setting === 'CFO Email');
  const others = issues.filter(i => i !== cfo);
  if (others.length > 0) throw new Error(others.map(i => i.message).join('\n'));
  return {settings, cfoEmailProblem: cfo?.message ?? ''};
}
