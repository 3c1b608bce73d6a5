/**
 * MailApp: every form of sendEmail lands in an outbox the tests and the
 * preview read. Each recipient (to, cc, bcc) costs one from the sender's
 * daily quota; a send the quota cannot cover throws Apps Script's message and
 * sends nothing, as does an invalid address. Only AuthMode.FULL may send.
 * A test may run another execution while a send is in flight (duringNext):
 * a send takes seconds in Apps Script, the window two runs overlap in.
 */
import {blobData, type BlobData} from './blob';
import {SCOPES, appsScriptError, type EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';

type RealMailApp = GoogleAppsScript.Mail.MailApp;
type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

export const QUOTA_MESSAGE =
  'Service invoked too many times for one day: email.';
/** Consumer accounts may email 100 recipients a day (Quotas for Google Services). */
export const DEFAULT_MAIL_QUOTA = 100;

export interface OutboxMessage {
  /** Recipients as given (comma-separated), and one address per entry. */
  to: string;
  cc: string;
  bcc: string;
  recipients: string[];
  replyTo: string;
  /** The sender's display name, if set. */
  name: string;
  from: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  attachments: BlobData[];
  sentAt: Date;
}

export interface MailState {
  outbox: OutboxMessage[];
  /** Recipients each user may still email today. */
  remaining: Record<string, number>;
  /** Quota a user starts with. */
  dailyQuota: number;
  /** Test hook: the next send throws this service error and sends nothing. */
  failNext?: string;
  /** Test hook: every send to one of these addresses (lower case) throws its service error, until removed. */
  failTo?: Record<string, string>;
  /** Test hook: runs while the next send is in flight (another execution overlapping it). */
  duringNext?: () => void;
}

export function emptyMailState(dailyQuota = DEFAULT_MAIL_QUOTA): MailState {
  return {outbox: [], remaining: {}, dailyQuota};
}

/*
 * Apps Script rejects anything that is not one plain address ("Invalid email: x"); display names
 * are for options.name. Google documents no grammar for what MailApp accepts, and searching found no
 * report of it taking a dotless domain or a non-ASCII address (SMTPUTF8), so the emulator is the
 * stricter: an ASCII local part, and a dotted ASCII domain ending in a two-letter-or-longer TLD.
 */
const ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;

function addresses(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map(a => a.trim())
    .filter(a => a !== '');
}

export class FakeMailApp implements Emulates<
  RealMailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(
    private readonly ctx: EmulatorContext,
    readonly state: MailState,
  ) {}

  exposed() {
    return expose(this, 'MailApp', this.ctx);
  }

  getRemainingDailyQuota(): number {
    this.ctx.requireAuth(
      'MailApp.getRemainingDailyQuota',
      'authorized',
      SCOPES.mail,
    );
    return this.remaining();
  }

  private remaining(): number {
    return this.state.remaining[this.ctx.user] ?? this.state.dailyQuota;
  }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body[, options]) and
   * sendEmail(to, replyTo, subject, body), told apart as Apps Script does: by
   * the type of the fourth argument.
   */
  sendEmail(
    first: Params | string,
    second?: string,
    third?: string,
    fourth?: Params | string,
  ): void {
    this.ctx.requireAuth('MailApp.sendEmail', 'authorized', SCOPES.mail);
    this.ctx.requireScope('MailApp.sendEmail', SCOPES.mail);
    let message: Params;
    if (typeof first === 'object' && first !== null) message = first;
    else if (typeof fourth === 'string')
      message = {to: first, replyTo: second, subject: third, body: fourth};
    else message = {...(fourth ?? {}), to: first, subject: second, body: third};
    this.send(message);
  }

  private send(m: Params): void {
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0)
      throw appsScriptError('Failed to send email: no recipient');
    for (const address of [...recipients, ...addresses(m.replyTo)]) {
      if (!ADDRESS.test(address))
        throw appsScriptError(`Invalid email: ${address}`);
    }
    const refused = recipients.find(r => this.state.failTo?.[r.toLowerCase()]);
    if (refused)
      throw appsScriptError(this.state.failTo![refused.toLowerCase()]);
    if (this.state.failNext !== undefined) {
      const failure = this.state.failNext;
      this.state.failNext = undefined;
      throw appsScriptError(failure);
    }
    const during = this.state.duringNext;
    this.state.duringNext = undefined;
    during?.();
    const remaining = this.remaining();
    if (recipients.length > remaining) throw appsScriptError(QUOTA_MESSAGE);
    const attachments = (m.attachments ?? []).map(blobData);
    this.state.remaining[this.ctx.user] = remaining - recipients.length;
    this.state.outbox.push({
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      recipients,
      replyTo: m.replyTo ?? '',
      name: m.name ?? '',
      from: this.ctx.user,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody ?? '',
      noReply: Boolean(m.noReply),
      attachments,
      sentAt: this.ctx.now(),
    });
  }
}
