/**
 * Sheet protection as Apps Script enforces it: the owner and the person
 * running the script can never be removed from the editors; domain edit
 * cannot be set on a consumer (gmail.com) spreadsheet; warning-only
 * protection stops nobody; only editors may change a protection.
 */
import {appsScriptError} from './context';
import type {Emulates} from './instrument';
import {fakeUser, type FakeSheet} from './spreadsheet';

type RealProtection = GoogleAppsScript.Spreadsheet.Protection;

export interface ProtectionState {
  type: 'SHEET' | 'RANGE';
  description: string;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
}

export function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}

export class Protection implements Emulates<
  RealProtection,
  'getDescription' | 'isWarningOnly' | 'canDomainEdit' | 'canEdit'
> {
  constructor(
    private readonly sheet: FakeSheet,
    readonly state: ProtectionState,
  ) {}

  private get ctx() {
    return this.sheet.spreadsheet.ctx;
  }

  private requireManage(method: string): void {
    this.ctx.requireAuth(`Protection.${method}`, 'write');
    this.requireEditor();
  }

  /**
   * Protection reference, getEditors() and canDomainEdit(): "Throws an
   * exception if the user does not have permission to edit the protected
   * range or sheet itself." The wording of that exception is unconfirmed.
   */
  private requireEditor(): void {
    if (!this.canEdit()) {
      throw appsScriptError(
        'You do not have permission to perform that action.',
      );
    }
  }

  getProtectionType(): string {
    return this.state.type;
  }

  getDescription(): string {
    return this.state.description;
  }

  setDescription(description: string) {
    this.requireManage('setDescription');
    this.state.description = description;
    return this;
  }

  /** Whether the current user may edit what this protects. */
  canEdit(): boolean {
    const user = this.ctx.user;
    return (
      user === this.ctx.owner ||
      this.state.warningOnly ||
      this.state.editors.includes(user)
    );
  }

  getEditors() {
    this.requireEditor();
    const all = [
      this.ctx.owner,
      ...this.state.editors.filter(e => e !== this.ctx.owner),
    ];
    return all.map(e => fakeUser(e, this.ctx));
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    return this.addEditors([emailOf(emailAddress)]);
  }

  addEditors(emailAddresses: string[]) {
    this.requireManage('addEditors');
    for (const e of emailAddresses)
      if (!this.state.editors.includes(e)) this.state.editors.push(e);
    return this;
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    return this.removeEditors([emailOf(emailAddress)]);
  }

  /** The owner and the effective user are silently kept, as the Apps Script docs state. */
  removeEditors(emailAddresses: Array<string | GoogleAppsScript.Base.User>) {
    this.requireManage('removeEditors');
    const keep = new Set([this.ctx.owner, this.ctx.user]);
    const drop = new Set(emailAddresses.map(emailOf).filter(e => !keep.has(e)));
    this.state.editors = this.state.editors.filter(e => !drop.has(e));
    return this;
  }

  canDomainEdit(): boolean {
    this.requireEditor();
    return this.state.domainEdit;
  }

  /** A consumer-account spreadsheet has no domain: Apps Script throws. */
  setDomainEdit(editable: boolean) {
    this.requireManage('setDomainEdit');
    if (isConsumerAccount(this.ctx.owner)) {
      throw new Error(
        'Exception: Domain edit is not supported for users without a Google Workspace domain.',
      );
    }
    this.state.domainEdit = editable;
    return this;
  }

  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }

  setWarningOnly(warningOnly: boolean) {
    this.requireManage('setWarningOnly');
    this.state.warningOnly = warningOnly;
    return this;
  }

  remove(): void {
    this.requireManage('remove');
    const list = this.sheet.state.protections;
    list.splice(list.indexOf(this.state), 1);
  }
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === 'string' ? user : user.getEmail();
}
