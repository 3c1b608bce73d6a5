/** A fresh emulated world with its globals typed as Apps Script's own, for the emulator suites. */
import {createEmulator, type EmulatorOptions} from '../../emulator';

export interface Globals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Logger: GoogleAppsScript.Base.Logger;
}

export function world(options: EmulatorOptions = {}) {
  const emulator = createEmulator(options);
  const globals = emulator.globals as unknown as Globals;
  const sheet = () =>
    globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
  return {emulator, ctx: emulator.ctx, ...globals, sheet};
}

/** The error a call throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}
