/**
 * Spreadsheet.deleteSheet (Class Spreadsheet): the sheet and its protections
 * go; a protected sheet needs an editor of its protection; the last sheet
 * cannot be deleted ("You can't remove all the sheets in a document.").
 */
import {thrown, world} from './world';

describe('Spreadsheet.deleteSheet', () => {
  it('removes the sheet and its protection', () => {
    const w = world();
    const ss = w.SpreadsheetApp.getActiveSpreadsheet();
    const scratch = ss.insertSheet('Scratch');
    scratch.protect();
    ss.deleteSheet(scratch);
    expect(ss.getSheets().map(s => s.getName())).toEqual(['Sheet1']);
  });

  it('refuses the last sheet', () => {
    const w = world();
    const ss = w.SpreadsheetApp.getActiveSpreadsheet();
    expect(thrown(() => ss.deleteSheet(w.sheet())).message).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  it('refuses a protected sheet to someone who is not its editor, and a custom function', () => {
    const w = world({owner: 'admin@acme.example'});
    const ss = w.SpreadsheetApp.getActiveSpreadsheet();
    const record = ss.insertSheet('Record');
    record.protect().removeEditors(['rep@acme.example']);
    const asRep = w.emulator.run({user: 'rep@acme.example'}, () =>
      thrown(() => ss.deleteSheet(record)),
    );
    expect(asRep.message).toMatch(/^You are trying to edit a protected cell/);
    const inCell = w.emulator.run(
      {authMode: 'CUSTOM_FUNCTION', trigger: 'custom-function'},
      () => thrown(() => ss.deleteSheet(record)),
    );
    expect(inCell.message).toBe(
      'You do not have permission to call deleteSheet',
    );
    expect(ss.getSheets()).toHaveLength(2);
  });
});
