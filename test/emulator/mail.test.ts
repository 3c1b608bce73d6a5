/**
 * MailApp: the outbox, the daily recipient quota and its exhaustion, invalid
 * addresses, a failing send, and who may send at all.
 */
import {thrown, world} from './world';

const QUOTA = 'Service invoked too many times for one day: email.';

describe('MailApp', () => {
  it('sendEmail(recipient, subject, body, options) lands in the outbox with the emulated send time', () => {
    const {emulator, MailApp, Utilities} = world({
      owner: 'cro@acme.example',
      now: new Date('2024-05-03T21:00:00Z'),
    });
    const pdf = Utilities.newBlob('<p>Week 6</p>', 'text/html', 'w6.html');
    MailApp.sendEmail('cfo@acme.example', 'Week 6 snapshot', 'Plain body', {
      htmlBody: '<b>Week 6</b>',
      name: 'Trust Rebuild',
      cc: 'ceo@acme.example',
      replyTo: 'cro@acme.example',
      attachments: [pdf.getAs('application/pdf')],
    });
    expect(emulator.outbox).toHaveLength(1);
    const [m] = emulator.outbox;
    expect(m).toMatchObject({
      to: 'cfo@acme.example',
      cc: 'ceo@acme.example',
      bcc: '',
      from: 'cro@acme.example',
      name: 'Trust Rebuild',
      replyTo: 'cro@acme.example',
      subject: 'Week 6 snapshot',
      body: 'Plain body',
      htmlBody: '<b>Week 6</b>',
    });
    expect(m.sentAt.toISOString()).toBe('2024-05-03T21:00:00.000Z');
    expect(m.attachments[0].name).toBe('w6.pdf');
    expect(m.attachments[0].contentType).toBe('application/pdf');
    expect(Buffer.from(m.attachments[0].bytes).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });

  it('sendEmail({to, subject, body, htmlBody, bcc}) is the object form', () => {
    const {emulator, MailApp} = world();
    MailApp.sendEmail({
      to: 'a@acme.example, b@acme.example',
      bcc: 'audit@acme.example',
      subject: 'S',
      body: 'B',
      htmlBody: '<p>B</p>',
    });
    expect(emulator.outbox[0].recipients).toEqual([
      'a@acme.example',
      'b@acme.example',
      'audit@acme.example',
    ]);
  });

  it('sendEmail(to, replyTo, subject, body) is told apart by its fourth argument being a string', () => {
    const {emulator, MailApp} = world();
    MailApp.sendEmail('cfo@acme.example', 'cro@acme.example', 'Subj', 'Body');
    expect(emulator.outbox[0]).toMatchObject({
      to: 'cfo@acme.example',
      replyTo: 'cro@acme.example',
      subject: 'Subj',
      body: 'Body',
    });
  });

  it('each recipient costs one from getRemainingDailyQuota, which starts at the mailQuota option', () => {
    const {MailApp} = world({mailQuota: 10});
    expect(MailApp.getRemainingDailyQuota()).toBe(10);
    MailApp.sendEmail({
      to: 'a@acme.example',
      cc: 'b@acme.example,c@acme.example',
      subject: 's',
      body: 'b',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(7);
  });

  it('a consumer account starts with 100 recipients a day', () => {
    const {MailApp} = world();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it("quota exhaustion throws Apps Script's message and sends nothing", () => {
    const {emulator, MailApp} = world({mailQuota: 2});
    MailApp.sendEmail('a@acme.example', 's', 'b');
    const error = thrown(() =>
      MailApp.sendEmail('b@acme.example,c@acme.example', 's', 'b'),
    );
    expect(error.message).toBe(QUOTA);
    expect(emulator.outbox).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('an invalid address throws "Invalid email: x" and sends nothing', () => {
    const {emulator, MailApp} = world();
    const error = thrown(() =>
      MailApp.sendEmail('cfo@acme.example, not-an-address', 's', 'b'),
    );
    expect(error.message).toBe('Invalid email: not-an-address');
    expect(emulator.outbox).toHaveLength(0);
  });

  it.each(['cfo@acme', 'cfö@acme.com', 'cfo acme@revops.com', 'not-an-email'])(
    'is the stricter where Google documents nothing: %s is an invalid email and nothing is sent',
    address => {
      const {emulator, MailApp} = world();
      expect(thrown(() => MailApp.sendEmail(address, 's', 'b')).message).toBe(
        `Invalid email: ${address}`,
      );
      expect(emulator.outbox).toHaveLength(0);
    },
  );

  it('the duringNextEmail hook runs another execution while the send is in flight, before it is delivered', () => {
    const {emulator, MailApp} = world();
    const seen: number[] = [];
    emulator.duringNextEmail(() => seen.push(emulator.outbox.length));
    MailApp.sendEmail('a@acme.example', 's', 'b');
    MailApp.sendEmail('a@acme.example', 's', 'b');
    expect(seen).toEqual([0]);
    expect(emulator.outbox).toHaveLength(2);
  });

  it('no recipient at all throws "Failed to send email: no recipient"', () => {
    const {MailApp} = world();
    expect(() => MailApp.sendEmail({to: '', subject: 's', body: 'b'})).toThrow(
      'Failed to send email: no recipient',
    );
  });

  it('the failNextEmail hook makes the next send fail with a service error, and only that one', () => {
    const {emulator, MailApp} = world();
    emulator.failNextEmail('Service unavailable: Mail');
    expect(() => MailApp.sendEmail('a@acme.example', 's', 'b')).toThrow(
      'Service unavailable: Mail',
    );
    expect(emulator.outbox).toHaveLength(0);
    MailApp.sendEmail('a@acme.example', 's', 'b');
    expect(emulator.outbox).toHaveLength(1);
  });

  it('the failEmailsTo hook fails every send to one address, in any case, until removed, and no other', () => {
    const {emulator, MailApp} = world();
    emulator.failEmailsTo('Down@acme.example', 'Mailbox unavailable');
    for (let i = 0; i < 2; i++)
      expect(() =>
        MailApp.sendEmail('x@acme.example,down@acme.example', 's', 'b'),
      ).toThrow('Mailbox unavailable');
    MailApp.sendEmail('x@acme.example', 's', 'b');
    expect(emulator.outbox).toHaveLength(1);
    emulator.failEmailsTo('down@acme.example');
    MailApp.sendEmail('down@acme.example', 's', 'b');
    expect(emulator.outbox).toHaveLength(2);
  });

  it('the quota is per sending user', () => {
    const {emulator, MailApp} = world({mailQuota: 1});
    MailApp.sendEmail('a@acme.example', 's', 'b');
    emulator.run({user: 'other@acme.example'}, () => {
      expect(MailApp.getRemainingDailyQuota()).toBe(1);
      MailApp.sendEmail('a@acme.example', 's', 'b');
    });
    expect(emulator.outbox.map(m => m.from)).toEqual([
      'owner@example.com',
      'other@acme.example',
    ]);
  });

  it("needs an authorized execution: NONE and custom functions throw Apps Script's permission error", () => {
    const {emulator, MailApp} = world();
    const expected =
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail';
    for (const authMode of ['NONE', 'CUSTOM_FUNCTION', 'LIMITED'] as const) {
      const error = emulator.run({authMode}, () =>
        thrown(() => MailApp.sendEmail('a@acme.example', 's', 'b')),
      );
      expect([authMode, error.message]).toEqual([authMode, expected]);
    }
    expect(emulator.outbox).toHaveLength(0);
  });
});
