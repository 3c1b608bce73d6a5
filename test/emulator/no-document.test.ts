/**
 * What a time-driven trigger of an editor add-on sees: no current document,
 * no document properties and no document lock; opening the file by its ID
 * needs the full spreadsheets scope; and ScriptApp.getAuthorizationInfo says
 * when the user must grant a scope an update added.
 */
import {SCOPES} from '../../emulator/context';
import {thrown, world} from './world';

const ID = '1emulatedSpreadsheetId';
const time = {authMode: 'FULL' as const, trigger: 'time' as const};

describe('a time-driven trigger has no current document (issue 10: stricter than the docs, which are silent)', () => {
  it('getActiveSpreadsheet() and getActive() are null; a menu execution gets the document', () => {
    const w = world();
    w.emulator.run(time, () => {
      expect(w.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(w.SpreadsheetApp.getActive()).toBeNull();
    });
    expect(w.SpreadsheetApp.getActiveSpreadsheet().getId()).toBe(ID);
  });

  it('getDocumentProperties() is null there; user properties still work', () => {
    const w = world();
    w.emulator.run(time, () => {
      expect(w.PropertiesService.getDocumentProperties()).toBeNull();
      w.PropertiesService.getUserProperties().setProperty('k', 'v');
    });
    expect(w.PropertiesService.getUserProperties().getProperty('k')).toBe('v');
  });

  it('LockService.getDocumentLock() is null outside a containing document (LockService reference: "null is returned")', () => {
    const w = world();
    w.emulator.run(time, () => {
      expect(w.LockService.getDocumentLock()).toBeNull();
      expect(w.LockService.getScriptLock().tryLock(0)).toBe(true);
    });
    expect(w.LockService.getDocumentLock()).not.toBeNull();
  });

  it('openById needs the spreadsheets scope: spreadsheets.currentonly does not allow it', () => {
    const withScope = world();
    withScope.emulator.run(time, () => {
      expect(withScope.SpreadsheetApp.openById(ID).getId()).toBe(ID);
      expect(
        thrown(() => withScope.SpreadsheetApp.openById('another')).message,
      ).toMatch(
        /Unexpected error while getting the method or property openById/,
      );
    });
    const currentOnly = world({
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        SCOPES.scriptApp,
      ],
    });
    currentOnly.emulator.run(time, () => {
      expect(
        thrown(() => currentOnly.SpreadsheetApp.openById(ID)).message,
      ).toBe(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    });
  });

  it('the default manifest is the project appsscript.json, with the spreadsheets scope', () => {
    const w = world();
    expect(w.ctx.oauthScopes).toContain(SCOPES.allSpreadsheets);
  });
});

describe('ScriptApp.getAuthorizationInfo (AuthorizationInfo reference)', () => {
  it('NOT_REQUIRED with a null URL when every scope is granted; REQUIRED with a URL after an update adds one', () => {
    const w = world({owner: 'cro@acme.example'});
    const info = () =>
      w.ScriptApp.getAuthorizationInfo(w.ScriptApp.AuthMode.FULL);
    expect(String(info().getAuthorizationStatus())).toBe('NOT_REQUIRED');
    expect(info().getAuthorizationUrl()).toBeNull();
    w.emulator.requireReauthorization('cro@acme.example', [
      SCOPES.allSpreadsheets,
    ]);
    expect(String(info().getAuthorizationStatus())).toBe('REQUIRED');
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\//);
    expect(
      (
        info() as unknown as {getAuthorizedScopes(): string[]}
      ).getAuthorizedScopes(),
    ).not.toContain(SCOPES.allSpreadsheets);
    // The scope not granted is refused; another user is unaffected.
    w.emulator.run(time, () =>
      expect(() => w.SpreadsheetApp.openById(ID)).toThrow(
        /Required permissions: https:\/\/www\.googleapis\.com\/auth\/spreadsheets$/,
      ),
    );
    w.emulator.run({...time, user: 'analyst@acme.example'}, () =>
      expect(w.SpreadsheetApp.openById(ID).getId()).toBe(ID),
    );
  });
});
