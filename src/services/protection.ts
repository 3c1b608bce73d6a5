/**
 * The record (Scorecard, Delivery Log, Deal History) is protected so that
 * only its keepers may write it: the owner, whoever ran set-up, the CRO
 * Email, the schedule's installer and the Record Keepers setting. Google's
 * recipe (Protection reference): protect the sheet, make sure the person
 * running the script is an editor before removing anyone, turn off domain
 * edit where there is a domain, never warning-only. Only someone who can
 * edit a protection can change it, and getEditors() throws for anyone else,
 * so whether the user can write is asked with canEdit() first and refused
 * with a message that names who can add them.
 */
import type {Settings} from '../domain/settings';
import {
  notAKeeperMessage,
  protectionChanges,
  recordKeepers,
} from '../domain/keepers';
import {DEAL_HISTORY, DELIVERY_LOG, SCORECARD} from '../domain/workbook';
import {documentProperties, scheduleInstaller} from './schedule-record';
import {findTab} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const DESCRIPTION =
  'Trust Rebuild: written only by the add-on, for the keepers of the record; protected so the record cannot be quietly edited.';
const SET_UP_BY = 'trustRebuild.setUpBy';
const RECORD_TABS = [SCORECARD, DELIVERY_LOG, DEAL_HISTORY];

type KeeperSettings = Pick<Settings, 'croEmail' | 'recordKeepers'>;

export interface Keepers {
  me: string;
  owner: string;
  emails: string[];
  /**
   * Whether every keeper is known. A time-driven trigger has no document
   * properties, so it does not know who ran set-up: it only adds keepers.
   */
  complete: boolean;
}

/** Set-up remembers the first person who ran it: they stay a keeper. */
export function noteSetUpBy(email: string): void {
  const props = documentProperties();
  if (props && !props.getProperty(SET_UP_BY))
    props.setProperty(SET_UP_BY, email);
}

export function keepersOf(
  spreadsheet: Spreadsheet,
  settings: KeeperSettings,
): Keepers {
  const me = Session.getEffectiveUser().getEmail();
  const owner = spreadsheet.getOwner()?.getEmail() ?? '';
  const props = documentProperties();
  const emails = recordKeepers({
    owner,
    setUpBy: props?.getProperty(SET_UP_BY) ?? undefined,
    croEmail: settings.croEmail,
    installer: props ? scheduleInstaller(props) : me,
    listed: settings.recordKeepers,
  });
  return {me, owner, emails, complete: props !== null};
}

interface RecordTab {
  sheet: Sheet;
  protection?: Protection;
}

function recordTabs(spreadsheet: Spreadsheet): RecordTab[] {
  const out: RecordTab[] = [];
  for (const tab of RECORD_TABS) {
    const sheet = findTab(spreadsheet, tab.name);
    if (!sheet) continue;
    const [protection] = sheet.getProtections(
      SpreadsheetApp.ProtectionType.SHEET,
    ) as Protection[];
    out.push({sheet, protection});
  }
  return out;
}

/**
 * Refuses, in words, a person who cannot write the record; `action` says what
 * they tried ("take the snapshot"). Returns the record tabs and the keepers.
 */
export function requireKeeper(
  spreadsheet: Spreadsheet,
  settings: KeeperSettings,
  action: string,
): {keepers: Keepers; tabs: RecordTab[]} {
  const tabs = recordTabs(spreadsheet);
  const keepers = keepersOf(spreadsheet, settings);
  if (tabs.some(t => t.protection && !t.protection.canEdit())) {
    throw new Error(notAKeeperMessage(keepers.me, action, keepers.emails));
  }
  return {keepers, tabs};
}

/**
 * Brings one tab's protection to exactly the keepers (only adding, when not
 * every keeper is known); says whether it changed anything.
 */
export function protectTab(
  sheet: Sheet,
  keepers: Keepers,
  existing?: Protection,
): boolean {
  const protection = existing ?? sheet.protect().setDescription(DESCRIPTION);
  let changed = !existing;
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const current = protection.getEditors().map(u => u.getEmail());
  const wanted = [keepers.me, ...keepers.emails];
  const {add, remove} = protectionChanges(current, wanted, keepers.owner);
  // The recipe: the person running the script becomes an editor before anyone is removed.
  if (add.length > 0) protection.addEditors(add);
  const prune = keepers.complete && remove.length > 0;
  if (prune) protection.removeEditors(remove);
  if (protection.canDomainEdit()) {
    try {
      protection.setDomainEdit(false);
      changed = true;
    } catch {
      // A consumer (gmail.com) spreadsheet has no domain: nothing to turn off.
    }
  }
  return changed || add.length > 0 || prune;
}

/**
 * Before a feature writes the record: refuses a non-keeper in words, then
 * refreshes each record tab's protection to the keepers as the settings now
 * name them (a no-op when nothing changed).
 */
export function secureRecord(
  spreadsheet: Spreadsheet,
  settings: KeeperSettings,
  action: string,
): void {
  const {keepers, tabs} = requireKeeper(spreadsheet, settings, action);
  for (const t of tabs) protectTab(t.sheet, keepers, t.protection);
}
