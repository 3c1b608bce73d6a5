/**
 * Session: who runs the code and in which zone the script lives. Inside a
 * custom function the script "runs as an anonymous user" (Authorization for
 * Google Services: permissions and types of scripts), so the emails are "".
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

  private email(method: string): string {
    this.ctx.requireAuth(`Session.${method}`, 'basic', SCOPES.email);
    return this.ctx.authMode === 'CUSTOM_FUNCTION' ? '' : this.ctx.user;
  }

  getEffectiveUser() {
    return fakeUser(this.email('getEffectiveUser'), this.ctx);
  }

  getActiveUser() {
    return fakeUser(this.email('getActiveUser'), this.ctx);
  }

  /** The script project's zone (appsscript.json), not the spreadsheet's. */
  getScriptTimeZone(): string {
    this.ctx.requireAuth('Session.getScriptTimeZone', 'basic');
    return this.ctx.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    this.ctx.requireAuth('Session.getActiveUserLocale', 'basic');
    return 'en';
  }

  /** Stable per user and script, and says nothing about who the user is. */
  getTemporaryActiveUserKey(): string {
    this.ctx.requireAuth('Session.getTemporaryActiveUserKey', 'basic');
    return createHash('sha256')
      .update(`temporary-key:${this.ctx.user}`)
      .digest('base64')
      .slice(0, 43);
  }
}
