/**
 * Auth modes: onOpen may run in AuthMode.NONE, where only menus, Logger and
 * Utilities work; custom functions read the spreadsheet but cannot write, show
 * a Ui or use services that need the user's grant; time triggers have no Ui.
 */
import {thrown, world} from './world';

const SHEETS_SCOPE =
  '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)';

describe('AuthMode.NONE (onOpen before the add-on is used in the document)', () => {
  it('builds menus, logs and formats dates', () => {
    const {emulator, SpreadsheetApp, Logger, Utilities} = world();
    emulator.run({authMode: 'NONE', trigger: 'simple'}, () => {
      SpreadsheetApp.getUi()
        .createAddonMenu()
        .addItem('Set up workbook', 'setUpWorkbook')
        .addToUi();
      Logger.log(Utilities.formatDate(new Date(0), 'UTC', 'yyyy'));
    });
    expect(emulator.ui.menus[0].items).toEqual([
      {label: 'Set up workbook', handler: 'setUpWorkbook'},
    ]);
    expect(emulator.logs).toEqual(['1970']);
  });

  it("refuses the spreadsheet with Apps Script's permission message", () => {
    const {emulator, SpreadsheetApp} = world();
    const error = emulator.run({authMode: 'NONE', trigger: 'simple'}, () =>
      thrown(() => SpreadsheetApp.getActiveSpreadsheet()),
    );
    expect(error.message).toBe(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ${SHEETS_SCOPE}`,
    );
    expect(error.name).toBe('Exception');
  });

  it('refuses every other service', () => {
    const g = world();
    const calls: Array<[string, () => unknown]> = [
      [
        'PropertiesService.getDocumentProperties',
        () => g.PropertiesService.getDocumentProperties(),
      ],
      [
        'PropertiesService.getUserProperties',
        () => g.PropertiesService.getUserProperties(),
      ],
      ['LockService.getDocumentLock', () => g.LockService.getDocumentLock()],
      ['Session.getEffectiveUser', () => g.Session.getEffectiveUser()],
      ['Session.getScriptTimeZone', () => g.Session.getScriptTimeZone()],
      [
        'HtmlService.createHtmlOutput',
        () => g.HtmlService.createHtmlOutput('x'),
      ],
      ['ScriptApp.getProjectTriggers', () => g.ScriptApp.getProjectTriggers()],
      ['MailApp.sendEmail', () => g.MailApp.sendEmail('a@b.example', 's', 'b')],
    ];
    for (const [name, call] of calls) {
      const error = g.emulator.run({authMode: 'NONE', trigger: 'simple'}, () =>
        thrown(call),
      );
      expect(error.message).toMatch(
        new RegExp(
          `^You do not have permission to call ${name.replace('.', '\\.')}`,
        ),
      );
    }
  });
});

describe('AuthMode.CUSTOM_FUNCTION', () => {
  const asCustomFunction = <T>(w: ReturnType<typeof world>, fn: () => T): T =>
    w.emulator.run(
      {authMode: 'CUSTOM_FUNCTION', trigger: 'custom-function'},
      fn,
    );

  it('reads the spreadsheet', () => {
    const w = world();
    w.sheet().getRange('A1').setValue(12);
    expect(asCustomFunction(w, () => w.sheet().getRange('A1').getValue())).toBe(
      12,
    );
  });

  it('a write throws "You do not have permission to call setValue" and changes nothing', () => {
    const w = world();
    const error = asCustomFunction(w, () =>
      thrown(() => w.sheet().getRange('A1').setValue('x')),
    );
    expect(error.message).toBe('You do not have permission to call setValue');
    expect(w.sheet().getLastRow()).toBe(0);
  });

  it('has no Ui: getUi throws "Cannot call SpreadsheetApp.getUi() from this context."', () => {
    const w = world();
    const error = asCustomFunction(w, () =>
      thrown(() => w.SpreadsheetApp.getUi()),
    );
    expect(error.message).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('cannot send mail or manage triggers', () => {
    const w = world();
    asCustomFunction(w, () => {
      expect(() => w.MailApp.getRemainingDailyQuota()).toThrow(
        'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
      expect(() => w.ScriptApp.newTrigger('x')).toThrow(
        'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
    });
  });

  it('may use Lock, Properties, HtmlService and Utilities, the services without personal data', () => {
    const w = world();
    asCustomFunction(w, () => {
      expect(w.LockService.getScriptLock().tryLock(0)).toBe(true);
      w.PropertiesService.getScriptProperties().setProperty('k', 'v');
      expect(w.HtmlService.createHtmlOutput('<b>x</b>').getContent()).toBe(
        '<b>x</b>',
      );
      expect(w.Utilities.base64Encode('x')).toBe('eA==');
    });
    expect(w.PropertiesService.getScriptProperties().getProperty('k')).toBe(
      'v',
    );
  });

  it('runs as an anonymous user: Session emails are empty', () => {
    const w = world({owner: 'cro@acme.example'});
    const email = asCustomFunction(w, () =>
      w.Session.getEffectiveUser().getEmail(),
    );
    expect(email).toBe('');
    expect(w.Session.getEffectiveUser().getEmail()).toBe('cro@acme.example');
  });
});

describe('other executions', () => {
  it('a time-driven trigger has no Ui', () => {
    const w = world();
    const error = w.emulator.run({authMode: 'FULL', trigger: 'time'}, () =>
      thrown(() => w.SpreadsheetApp.getUi()),
    );
    expect(error.message).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('AuthMode.LIMITED (a simple trigger) edits the spreadsheet but may not send mail', () => {
    const w = world();
    w.emulator.run({authMode: 'LIMITED', trigger: 'simple'}, () => {
      w.sheet().getRange('A1').setValue('ok');
      expect(() => w.MailApp.sendEmail('a@b.example', 's', 'b')).toThrow(
        /^You do not have permission to call MailApp\.sendEmail/,
      );
    });
    expect(w.sheet().getRange('A1').getValue()).toBe('ok');
  });
});
