/**
 * Session: who runs the code and in which zone the script lives.
 *
 * Custom functions get no Session at all. Google documents that a custom
 * function "runs as an anonymous user" and that User.getEmail() is blank there
 * (Class Session, getActiveUser: https://developers.google.com/apps-script/reference/base/session),
 * and Session is not among the services a custom function may use ("Custom
 * Functions in Google Sheets", Using Apps Script services: a service that needs
 * authorization throws "You do not have permission to call X"). The emulator
 * takes the stricter reading: every Session method throws in a custom function,
 * so no cell can depend on who is looking at it or on the script's zone.
 */
import {createHash} from 'node:crypto';
import {SCOPES, type EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';
import {fakeUser} from './spreadsheet';

type RealSession = GoogleAppsScript.Base.Session;

export class FakeSession implements Emulates<
  RealSession,
  | 'getEffectiveUser'
  | 'getActiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
  | 'getActiveUserLocale'
> {
  constructor(private readonly ctx: EmulatorContext) {}

  exposed() {
    return expose(this, 'Session', this.ctx);
  }

  /** Every Session call needs authorization in a custom function (refused there), basic elsewhere. */
  private require(method: string, scope?: string): void {
    this.ctx.requireAuth(
      `Session.${method}`,
      this.ctx.authMode === 'CUSTOM_FUNCTION' ? 'authorized' : 'basic',
      scope,
    );
  }

  private email(method: string): string {
    this.require(method, SCOPES.email);
    return this.ctx.user;
  }

  getEffectiveUser() {
    return fakeUser(this.email('getEffectiveUser'), this.ctx);
  }

  getActiveUser() {
    return fakeUser(this.email('getActiveUser'), this.ctx);
  }

  /** The script project's zone (appsscript.json), not the spreadsheet's. */
  getScriptTimeZone(): string {
    this.require('getScriptTimeZone');
    return this.ctx.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    this.require('getActiveUserLocale');
    return 'en';
  }

  /** Stable per user and script, and says nothing about who the user is. */
  getTemporaryActiveUserKey(): string {
    this.require('getTemporaryActiveUserKey');
    return createHash('sha256')
      .update(`temporary-key:${this.ctx.user}`)
      .digest('base64')
      .slice(0, 43);
  }
}
