/**
 * Sheet.protect() and Protection as Apps Script enforces them, the rules the
 * tamper-evident Scorecard tab depends on.
 */
import {thrown, world} from './world';

const OWNER = 'cro@acme.example';
const BOB = 'bob@acme.example';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const emails = (p: GoogleAppsScript.Spreadsheet.Protection) =>
  p.getEditors().map(u => u.getEmail());

describe('Protection', () => {
  it('the owner can never be removed from the editors', () => {
    const {sheet} = world({owner: OWNER});
    const p = sheet().protect().addEditor(BOB);
    p.removeEditors(emails(p));
    expect(emails(p)).toEqual([OWNER]);
  });

  it('the effective user is never removed either (docs: "the user running the script")', () => {
    const {emulator, sheet} = world({owner: OWNER});
    const editor = 'revops@acme.example';
    emulator.run({user: editor}, () => {
      const p = sheet().protect().addEditor(BOB);
      p.removeEditors(emails(p));
      expect(emails(p).sort()).toEqual([OWNER, editor].sort());
    });
  });

  it('setDomainEdit throws on a consumer (gmail.com) owner', () => {
    const {sheet} = world({owner: 'someone@gmail.com'});
    const p = sheet().protect();
    expect(p.canDomainEdit()).toBe(false);
    expect(() => p.setDomainEdit(false)).toThrow(
      /Domain edit is not supported/,
    );
  });

  it('setDomainEdit works on a Workspace owner, whose protection starts domain-editable', () => {
    const {sheet} = world({owner: OWNER});
    const p = sheet().protect();
    expect(p.canDomainEdit()).toBe(true);
    p.setDomainEdit(false);
    expect(p.canDomainEdit()).toBe(false);
  });

  it("an edit by a non-editor to a protected sheet throws Sheets' message and changes nothing", () => {
    const {emulator, sheet} = world({owner: OWNER});
    sheet().getRange('A1').setValue('recorded');
    sheet().protect().removeEditors([BOB]);
    const error = emulator.run({user: BOB}, () =>
      thrown(() => sheet().getRange('A1').setValue('tampered')),
    );
    expect(error.message).toBe(PROTECTED);
    expect(sheet().getRange('A1').getValue()).toBe('recorded');
  });

  it('a listed editor may edit the protected sheet', () => {
    const {emulator, sheet} = world({owner: OWNER});
    sheet().protect().addEditor(BOB);
    emulator.run({user: BOB}, () => sheet().getRange('A1').setValue('ok'));
    expect(sheet().getRange('A1').getValue()).toBe('ok');
  });

  it('warning-only protection does not stop edits', () => {
    const {emulator, sheet} = world({owner: OWNER});
    const p = sheet().protect().setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    emulator.run({user: BOB}, () => sheet().getRange('A1').setValue('edited'));
    expect(sheet().getRange('A1').getValue()).toBe('edited');
  });

  it('protect() returns the existing sheet protection rather than adding a second', () => {
    const {sheet} = world({owner: OWNER});
    sheet().protect().setDescription('Scorecard');
    sheet().protect();
    const all = sheet().getProtections(
      'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(all.map(p => p.getDescription())).toEqual(['Scorecard']);
  });

  it('a new sheet protection is not warning-only and has no description (Sheet.protect(): editing is blocked until changed; set-up relies on it to skip reading them back)', () => {
    const {sheet} = world({owner: OWNER});
    const p = sheet().protect();
    expect(p.isWarningOnly()).toBe(false);
    expect(p.getDescription()).toBe('');
  });
});

describe('Protection read by a user who cannot edit it', () => {
  it('getEditors() and canDomainEdit() throw (Protection reference: "Throws an exception if the user does not have permission to edit the protected range or sheet itself")', () => {
    const {emulator, sheet} = world({owner: OWNER});
    const p = sheet().protect();
    emulator.run({user: BOB}, () => {
      const seen = sheet().getProtections(
        'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
      )[0];
      expect(seen.canEdit()).toBe(false);
      expect(thrown(() => seen.getEditors()).message).toBe(
        'You do not have permission to perform that action.',
      );
      expect(() => seen.canDomainEdit()).toThrow(
        'You do not have permission to perform that action.',
      );
    });
    // An editor reads them.
    expect(emails(p)).toEqual([OWNER]);
    expect(p.canDomainEdit()).toBe(true);
  });
});
