/** Who runs the script and on which spreadsheet: asked when needed (never at load), in one place. */
export const activeSpreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();

/** The person running the script, as Graded By and Logged By record them. */
export const currentUser = (): string => Session.getEffectiveUser().getEmail();
