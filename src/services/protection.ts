/**
 * Locks a tab the add-on alone writes (Scorecard, Delivery Log, Deal History)
 * with Google's documented recipe: protect the sheet, make sure the person
 * running the script is an editor, remove every other editor (the owner
 * always stays), turn off domain edit where the spreadsheet belongs to a
 * Workspace domain, and never leave it warning-only.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DESCRIPTION =
  'Trust Rebuild: written only by the add-on; protected so the record cannot be quietly edited.';

export function lockTab(sheet: Sheet): void {
  const protection = sheet.protect().setDescription(DESCRIPTION);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const me = Session.getEffectiveUser();
  protection.addEditor(me);
  const others = protection
    .getEditors()
    .filter(u => u.getEmail() !== me.getEmail());
  if (others.length > 0)
    protection.removeEditors(others.map(u => u.getEmail()));
  if (protection.canDomainEdit()) {
    try {
      protection.setDomainEdit(false);
    } catch {
      // A consumer (gmail.com) spreadsheet has no domain: nothing to turn off.
    }
  }
}
