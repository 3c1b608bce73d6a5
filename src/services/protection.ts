/**
 * The record (Scorecard, Delivery Log, Deal History) is protected so that
 * only its keepers may write it: the owner, whoever ran set-up, the CRO
 * Email, the schedule's installer and the Record Keepers setting. Google's
 * recipe (Protection reference): protect the sheet, make sure the person
 * running the script is an editor before removing anyone, turn off domain
 * edit where there is a domain, never warning-only. Only someone who can
 * edit a protection can change it, and getEditors() throws for anyone else,
 * so whether the user can write is asked with getEditors() first (canEdit()
 * confirms a refusal) and refused with a message that names who can add them.
 */
import {render} from './templates';
import {currentUser} from './session';
import type {Settings} from '../domain/settings';
import {caseless} from '../domain/words';
import {
  isKeeper,
  keeperRefusal,
  protectionChanges,
  recordKeepers,
} from '../domain/keepers';
import {
  DEAL_HISTORY,
  DELIVERY_LOG,
  SCORECARD,
  type TabSpec,
} from '../domain/workbook';
import {documentProperties, scheduleInstaller} from './schedule-record';
import {findTab} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The description names the keepers it was last brought to, so an unchanged record costs no editor reads. */
const DESCRIPTION =
  'Trust Rebuild writes this tab for the keepers of the record: ';
const SET_UP_BY = 'trustRebuild.setUpBy';
export const RECORD_TABS: readonly TabSpec[] = [
  SCORECARD,
  DELIVERY_LOG,
  DEAL_HISTORY,
];

type KeeperSettings = Pick<Settings, 'croEmail' | 'recordKeepers'>;

export interface Keepers {
  me: string;
  /** Every keeper but the owner (who can never be removed from a protection). */
  emails: string[];
  /**
   * Whether every keeper is known. A time-driven trigger has no document
   * properties, so it does not know who ran set-up: it only adds keepers.
   */
  complete: boolean;
}

/** Set-up remembers the first person who ran it: they stay a keeper. Says whether this run was the first. */
function noteSetUpBy(email: string): boolean {
  const props = documentProperties();
  if (!props || props.getProperty(SET_UP_BY)) return false;
  props.setProperty(SET_UP_BY, email);
  return true;
}

function keepersOf(settings: KeeperSettings): Keepers {
  const me = currentUser();
  const props = documentProperties();
  const emails = recordKeepers({
    owner: '',
    setUpBy: props?.getProperty(SET_UP_BY) ?? undefined,
    croEmail: settings.croEmail,
    installer: props ? scheduleInstaller(props) : me,
    listed: settings.recordKeepers,
  });
  return {me, emails, complete: props !== null};
}

const ownerOf = (spreadsheet: Spreadsheet) =>
  spreadsheet.getOwner()?.getEmail() ?? '';

/** Every keeper, the owner first, as messages name them; `emails` are the keepers the caller already worked out. */
export function keepersNamed(
  spreadsheet: Spreadsheet,
  emails: readonly string[],
): string[] {
  return recordKeepers({
    owner: ownerOf(spreadsheet),
    croEmail: '',
    listed: emails,
  });
}

export interface RecordTab {
  tab: TabSpec;
  sheet: Sheet;
  protection?: Protection;
  /** Whether `protection` is warning-only, when the caller already asked. */
  warningOnly?: boolean;
  /** Its editors, as the keeper check read them. */
  editors?: GoogleAppsScript.Base.User[];
}

function recordTabs(
  spreadsheet: Spreadsheet,
  tabs: readonly TabSpec[],
): RecordTab[] {
  const out: RecordTab[] = [];
  for (const tab of tabs) {
    const sheet = findTab(spreadsheet, tab.name);
    if (!sheet) continue;
    const [protection] = sheet.getProtections(
      SpreadsheetApp.ProtectionType.SHEET,
    ) as Protection[];
    out.push({tab, sheet, protection});
  }
  return out;
}

/**
 * Refuses, in words, a person who cannot write these record tabs; `action`
 * says what they tried ("take the snapshot"). Returns the tabs and keepers.
 */
export function requireKeeper(
  spreadsheet: Spreadsheet,
  settings: KeeperSettings,
  action: string,
  tabs: readonly TabSpec[] = RECORD_TABS,
  /** The tabs and their protections, when the caller (set-up) has just found them. */
  known?: RecordTab[],
): {keepers: Keepers; tabs: RecordTab[]} {
  const found = known ?? recordTabs(spreadsheet, tabs);
  const keepers = keepersOf(settings);
  // getEditors() throws for whoever may not edit the protection (canEdit() false), so one
  // call both checks and tells a refresh who the editors are; canEdit() confirms a refusal.
  for (const t of found) {
    try {
      t.editors = t.protection?.getEditors();
    } catch (err) {
      if (t.protection!.canEdit()) throw err;
      const all = keepersNamed(spreadsheet, keepers.emails);
      throw new Error(
        render('keeper-words', {
          who: keepers.me,
          action,
          keepers: all,
          ...keeperRefusal(keepers.me, all),
        }).trim(),
      );
    }
  }
  return {keepers, tabs: found};
}

/** What a protection says of itself, read once: the check and the refresh share it. */
interface ProtectionState {
  warningOnly: boolean;
  description: string;
  editors?: GoogleAppsScript.Base.User[];
}

const stateOf = (
  protection: Protection,
  warningOnly = protection.isWarningOnly(),
  editors?: GoogleAppsScript.Base.User[],
): ProtectionState => ({
  warningOnly,
  description: protection.getDescription(),
  editors,
});

/** A protection Sheet.protect() has just made: not warning-only, no description (pinned in test/emulator/protection.test.ts). */
const FRESH: ProtectionState = {warningOnly: false, description: ''};

/** Whether the protection already holds these keepers (all of them, or, when not all are known, at least these). */
function upToDate(state: ProtectionState, keepers: Keepers): boolean {
  if (state.warningOnly) return false;
  const description = state.description;
  if (!description.startsWith(DESCRIPTION)) return false;
  const named = new Set(
    description
      .slice(DESCRIPTION.length)
      .split(', ')
      .filter(e => e !== '')
      .map(caseless),
  );
  const wanted = keepers.emails.map(caseless);
  return (
    wanted.every(e => named.has(e)) &&
    (!keepers.complete || named.size === wanted.length)
  );
}

/**
 * Brings one tab's protection to exactly the keepers (only adding, when not
 * every keeper is known); says whether it changed anything. Also run by
 * runFieldChecks on a scratch tab, to see the recipe hold in Google.
 */
export function protectTab(
  /** The owner, or how to ask for it: asked only when someone would be removed. */
  owner: string | (() => string),
  sheet: Sheet,
  keepers: Keepers,
  existing?: Protection,
  /** What `existing` said of itself, when the caller already asked. */
  known?: ProtectionState,
): boolean {
  const protection = existing ?? sheet.protect();
  let changed = !existing;
  const state = known ?? (existing ? stateOf(protection) : FRESH);
  if (state.warningOnly) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const current = (state.editors ?? protection.getEditors()).map(u =>
    u.getEmail(),
  );
  const wanted = [keepers.me, ...keepers.emails];
  // The owner is never removed; who it is matters only when someone else would be.
  let {add, remove} = protectionChanges(current, wanted, '');
  if (remove.length > 0) {
    const who = typeof owner === 'string' ? owner : owner();
    ({add, remove} = protectionChanges(current, wanted, who));
  }
  // The recipe: the person running the script becomes an editor before anyone is removed.
  if (add.length > 0) protection.addEditors(add);
  const prune = keepers.complete && remove.length > 0;
  if (prune) protection.removeEditors(remove);
  // A protection just made is changed anyway: turning domain edit off needs no asking first.
  if (!existing || protection.canDomainEdit()) {
    try {
      protection.setDomainEdit(false);
      changed = true;
    } catch {
      // A consumer (gmail.com) spreadsheet has no domain: nothing to turn off.
    }
  }
  // Names who it was brought to: all keepers, or, when some are unknown, those added to the ones named before.
  const named = keepers.complete
    ? keepers.emails
    : [
        ...new Set([
          ...keepers.emails,
          ...current.filter(e => e !== keepers.me),
        ]),
      ];
  const description = DESCRIPTION + named.join(', ');
  if (state.description !== description) protection.setDescription(description);
  return changed || add.length > 0 || prune;
}

/**
 * Before a feature writes record tabs: refuses a non-keeper in words, then
 * brings each tab's protection to the keepers as the settings now name them.
 * Costs no editor reads when they have not changed since. Set-up (`setUp`)
 * also remembers who ran it first and checks the editors themselves.
 * Returns whether it changed any, and the tabs it found, for the caller's reads.
 */
export function secureRecord(
  spreadsheet: Spreadsheet,
  settings: KeeperSettings,
  action: string,
  tabs: readonly TabSpec[] = RECORD_TABS,
  setUp = false,
  known?: RecordTab[],
): {changed: boolean; tabs: RecordTab[]; keepers: Keepers} {
  const found = requireKeeper(spreadsheet, settings, action, tabs, known);
  const keepers = found.keepers;
  if (setUp && noteSetUpBy(keepers.me)) {
    if (!isKeeper(keepers.emails, keepers.me))
      keepers.emails.unshift(keepers.me);
  }
  let changed = false;
  let owner: string | undefined;
  const askOwner = () => (owner ??= ownerOf(spreadsheet));
  for (const t of found.tabs) {
    const state =
      t.protection && stateOf(t.protection, t.warningOnly, t.editors);
    if (!setUp && state && upToDate(state, keepers)) continue;
    changed =
      protectTab(askOwner, t.sheet, keepers, t.protection, state) || changed;
  }
  return {changed, tabs: found.tabs, keepers};
}

/** A record tab secureRecord found, so the caller need not look it up again. */
export const sheetOf = (tabs: readonly RecordTab[], tab: TabSpec) =>
  tabs.find(t => t.tab === tab)?.sheet;
