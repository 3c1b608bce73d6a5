/**
 * Session, HtmlService and the Ui: who runs, which zone the script lives in,
 * HTML files read from the build, and a Ui whose menus, sidebars, alerts and
 * prompts are recorded and answered.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {thrown, world} from './world';

describe('Session', () => {
  it('getEffectiveUser and getActiveUser are the person running the execution', () => {
    const {emulator, Session} = world({owner: 'cro@acme.example'});
    expect(Session.getEffectiveUser().getEmail()).toBe('cro@acme.example');
    emulator.run({user: 'revops@acme.example'}, () => {
      expect(Session.getEffectiveUser().getEmail()).toBe('revops@acme.example');
      expect(Session.getActiveUser().getEmail()).toBe('revops@acme.example');
    });
  });

  it("getScriptTimeZone is the project's zone, not the spreadsheet's", () => {
    const {Session, SpreadsheetApp} = world({
      scriptTimeZone: 'Europe/Paris',
      spreadsheetTimeZone: 'America/Chicago',
    });
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe(
      'America/Chicago',
    );
  });

  it('getTemporaryActiveUserKey is stable for a user, differs between users and hides the email', () => {
    const {emulator, Session} = world({owner: 'cro@acme.example'});
    const key = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(key);
    expect(key).not.toContain('cro');
    const other = emulator.run({user: 'revops@acme.example'}, () =>
      Session.getTemporaryActiveUserKey(),
    );
    expect(other).not.toBe(key);
  });
});

describe('HtmlService', () => {
  it('createHtmlOutputFromFile reads NAME.html from the build folder, with or without ".html"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-html-'));
    try {
      writeFileSync(join(dir, 'sidebar.html'), '<h1>Scorecard</h1>');
      const {HtmlService} = world({htmlDir: dir});
      expect(HtmlService.createHtmlOutputFromFile('sidebar').getContent()).toBe(
        '<h1>Scorecard</h1>',
      );
      expect(
        HtmlService.createHtmlOutputFromFile('sidebar.html').getContent(),
      ).toBe('<h1>Scorecard</h1>');
      expect(
        thrown(() => HtmlService.createHtmlOutputFromFile('missing')).message,
      ).toBe('No HTML file named missing was found.');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('HtmlOutput setters chain and are read back', () => {
    const {HtmlService} = world();
    const out = HtmlService.createHtmlOutput('<p>x</p>')
      .setTitle('Scorecard')
      .setWidth(300)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT)
      .addMetaTag('viewport', 'width=device-width')
      .append('<p>y</p>');
    expect(out.getTitle()).toBe('Scorecard');
    expect(out.getWidth()).toBe(300);
    expect(out.getContent()).toBe('<p>x</p><p>y</p>');
  });
});

describe('Ui', () => {
  it('records sidebars with their title and HTML', () => {
    const {emulator, SpreadsheetApp, HtmlService} = world();
    SpreadsheetApp.getUi().showSidebar(
      HtmlService.createHtmlOutput('<p>grades</p>').setTitle('Scorecard'),
    );
    expect(emulator.ui.sidebars).toEqual([
      {title: 'Scorecard', html: '<p>grades</p>'},
    ]);
  });

  it('alerts are recorded and answered from the queued replies, else OK', () => {
    const {emulator, SpreadsheetApp} = world();
    const ui = SpreadsheetApp.getUi();
    emulator.ui.replies.push({button: 'NO'});
    expect(ui.alert('Stop the schedule?', '', ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(emulator.ui.alerts).toEqual(['Stop the schedule?\n\n', 'Done']);
  });

  it('alert(prompt, ButtonSet.YES_NO) records just the prompt and answers YES by default', () => {
    const {emulator, SpreadsheetApp} = world();
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert('Install the schedule?', ui.ButtonSet.YES_NO)).toBe(
      ui.Button.YES,
    );
    expect(emulator.ui.alerts).toEqual(['Install the schedule?']);
  });

  it('an alert answers only with a button it shows or CLOSE, as Enum Button says (the title bar close is in every dialog)', () => {
    const {emulator, SpreadsheetApp} = world();
    const ui = SpreadsheetApp.getUi();
    emulator.ui.replies.push({button: 'CLOSE'});
    expect(ui.alert('Email week 7 now?', 'text', ui.ButtonSet.YES_NO)).toBe(
      ui.Button.CLOSE,
    );
    emulator.ui.replies.push({button: 'YES'});
    expect(() => ui.alert('Done', 'text', ui.ButtonSet.OK)).toThrow(
      /OK dialog has no YES button/,
    );
    emulator.ui.replies.push({button: 'CANCEL'});
    expect(() => ui.alert('Send?', ui.ButtonSet.YES_NO)).toThrow(
      /YES_NO dialog has no CANCEL button \(it shows YES, NO and CLOSE\)/,
    );
    emulator.ui.replies.push({button: 'CANCEL'});
    expect(ui.alert('Send?', ui.ButtonSet.YES_NO_CANCEL)).toBe(
      ui.Button.CANCEL,
    );
    // The alerts that offered a choice, with their set: what the preview asks the person.
    expect(emulator.ui.questions).toEqual([
      {text: 'Email week 7 now?\n\ntext', buttons: 'YES_NO'},
      {text: 'Send?', buttons: 'YES_NO'},
      {text: 'Send?', buttons: 'YES_NO_CANCEL'},
    ]);
  });

  it("prompt returns the queued reply's text and button", () => {
    const {emulator, SpreadsheetApp} = world();
    const ui = SpreadsheetApp.getUi();
    emulator.ui.replies.push({button: 'OK', text: 'cfo@acme.example'});
    const reply = ui.prompt('CFO email', ui.ButtonSet.OK_CANCEL);
    expect(reply.getResponseText()).toBe('cfo@acme.example');
    expect(reply.getSelectedButton()).toBe(ui.Button.OK);
    expect(emulator.ui.prompts).toEqual(['CFO email']);
  });
});
