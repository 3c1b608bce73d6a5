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

  it('gets no Session: every method throws "You do not have permission to call Session.…" (custom functions run as an anonymous user; stricter than a blank email)', () => {
    const w = world({owner: 'cro@acme.example'});
    const calls: Array<[string, () => unknown]> = [
      ['getActiveUser', () => w.Session.getActiveUser().getEmail()],
      ['getEffectiveUser', () => w.Session.getEffectiveUser().getEmail()],
      ['getScriptTimeZone', () => w.Session.getScriptTimeZone()],
      ['getActiveUserLocale', () => w.Session.getActiveUserLocale()],
      [
        'getTemporaryActiveUserKey',
        () => w.Session.getTemporaryActiveUserKey(),
      ],
    ];
    for (const [method, call] of calls) {
      const error = asCustomFunction(w, () => thrown(call));
      expect(error.message).toMatch(
        new RegExp(
          `^You do not have permission to call Session\\.${method}\\b`,
        ),
      );
      expect(error.name).toBe('Exception');
    }
    expect(
      asCustomFunction(w, () => thrown(() => w.Session.getEffectiveUser()))
        .message,
    ).toBe(
      'You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    // Outside a custom function the same calls work.
    expect(w.Session.getEffectiveUser().getEmail()).toBe('cro@acme.example');
  });

  it('has no Ui even when called as another kind of execution in AuthMode.CUSTOM_FUNCTION', () => {
    const w = world();
    const error = w.emulator.run(
      {authMode: 'CUSTOM_FUNCTION', trigger: 'menu'},
      () => thrown(() => w.SpreadsheetApp.getUi()),
    );
    expect(error.message).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('cannot toast: showing something to the person is refused like a write ("You do not have permission to call toast")', () => {
    const w = world();
    const error = asCustomFunction(w, () =>
      thrown(() => w.SpreadsheetApp.getActiveSpreadsheet().toast('hi')),
    );
    expect(error.message).toBe('You do not have permission to call toast');
    expect(w.ctx.toasts).toEqual([]);
  });

  it('writes nothing: setValues, insertSheet and protect all throw "You do not have permission to call …"', () => {
    const w = world();
    const ss = w.SpreadsheetApp.getActiveSpreadsheet();
    const cases: Array<[string, () => unknown]> = [
      [
        'setValues',
        () =>
          w
            .sheet()
            .getRange('A1:B1')
            .setValues([[1, 2]]),
      ],
      ['insertSheet', () => ss.insertSheet('X')],
      ['protect', () => w.sheet().protect()],
      ['setSpreadsheetTimeZone', () => ss.setSpreadsheetTimeZone('UTC')],
    ];
    for (const [method, call] of cases)
      expect(asCustomFunction(w, () => thrown(call)).message).toBe(
        `You do not have permission to call ${method}`,
      );
    expect(ss.getSheets()).toHaveLength(1);
    expect(w.sheet().getLastRow()).toBe(0);
  });

  it("may read the spreadsheet's zone and locale (read-only calls stay allowed)", () => {
    const w = world({spreadsheetTimeZone: 'Asia/Tokyo'});
    const [zone, locale] = asCustomFunction(w, () => {
      const ss = w.SpreadsheetApp.getActiveSpreadsheet();
      return [ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()];
    });
    expect(zone).toBe('Asia/Tokyo');
    expect(locale).toBe('en_US');
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
