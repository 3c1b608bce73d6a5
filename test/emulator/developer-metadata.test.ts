/**
 * Spreadsheet-level developer metadata, each behaviour as the Apps Script
 * reference describes it (Spreadsheet.addDeveloperMetadata,
 * createDeveloperMetadataFinder, DeveloperMetadata, DeveloperMetadataVisibility)
 * or, where it is silent, stricter (emulator/developer-metadata.ts).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
  METADATA_LIMIT_CHARS,
  METADATA_TOO_LARGE,
} from '../../emulator/developer-metadata';
import {loadWorld, saveWorld} from '../../emulator/persist';
import {thrown, world} from './world';

const ID = '1emulatedSpreadsheetId';

function opened() {
  const w = world();
  const ss = w.SpreadsheetApp.getActiveSpreadsheet();
  const {PROJECT, DOCUMENT} = w.SpreadsheetApp.DeveloperMetadataVisibility;
  const find = (key: string) =>
    ss.createDeveloperMetadataFinder().withKey(key).find();
  return {...w, ss, PROJECT, DOCUMENT, find};
}

describe('developer metadata on the spreadsheet', () => {
  it('addDeveloperMetadata(key, value, PROJECT) is found by key and visibility, read, changed and removed', () => {
    const {ss, PROJECT, DOCUMENT, find} = opened();
    ss.addDeveloperMetadata('head', '{"rows":1}', PROJECT);
    const [found, ...more] = ss
      .createDeveloperMetadataFinder()
      .withKey('head')
      .withVisibility(PROJECT)
      .find();
    expect(more).toEqual([]);
    expect(found.getKey()).toBe('head');
    expect(found.getValue()).toBe('{"rows":1}');
    expect(String(found.getVisibility())).toBe('PROJECT');
    expect(found.getId()).toBeGreaterThan(0);
    found.setValue('{"rows":2}');
    expect(find('head')[0].getValue()).toBe('{"rows":2}');
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withKey('head')
        .withVisibility(DOCUMENT)
        .find(),
    ).toEqual([]);
    found.remove();
    expect(find('head')).toEqual([]);
    // What still holds a removed entry gets an error, not a ghost value.
    expect(() => found.setValue('x')).toThrow(/removed/);
  });

  it('a key is required (Sheets API: "Developer metadata must always have a key specified")', () => {
    const {ss, PROJECT} = opened();
    expect(
      thrown(() => ss.addDeveloperMetadata('', 'v', PROJECT)).message,
    ).toBe('Invalid argument: key');
    expect(ss.getDeveloperMetadata()).toEqual([]);
  });

  it('visibility is an enum: DOCUMENT by default, and a string that reads "PROJECT" is a value, not a visibility', () => {
    const {ss, PROJECT, find} = opened();
    ss.addDeveloperMetadata('plain');
    ss.addDeveloperMetadata('tag', PROJECT);
    ss.addDeveloperMetadata('named', 'PROJECT');
    expect(String(find('plain')[0].getVisibility())).toBe('DOCUMENT');
    expect(find('plain')[0].getValue()).toBeNull();
    expect(String(find('tag')[0].getVisibility())).toBe('PROJECT');
    // One value per visibility, so comparing with the enum works.
    expect(ss.getDeveloperMetadata()[1].getVisibility()).toBe(PROJECT);
    expect(find('tag')[0].getValue()).toBeNull();
    expect(find('named')[0].getValue()).toBe('PROJECT');
    expect(String(find('named')[0].getVisibility())).toBe('DOCUMENT');
  });

  it("another project's PROJECT metadata is invisible; its DOCUMENT metadata is seen (DeveloperMetadataVisibility reference)", () => {
    const {emulator, ss, find} = opened();
    emulator.spreadsheet.state.developerMetadata = [
      {
        id: 7,
        key: 'k',
        value: 'theirs',
        visibility: 'PROJECT',
        project: 'other',
      },
      {
        id: 8,
        key: 'k',
        value: 'shared',
        visibility: 'DOCUMENT',
        project: 'other',
      },
    ];
    expect(find('k').map(m => m.getValue())).toEqual(['shared']);
    expect(ss.getDeveloperMetadata().map(m => m.getId())).toEqual([8]);
  });

  it('refuses a write past the 30,000 characters of a spreadsheet (all projects counted), writing nothing', () => {
    const {emulator, ss, PROJECT, find} = opened();
    emulator.spreadsheet.state.developerMetadata = [
      {
        id: 1,
        key: 'other',
        value: 'x'.repeat(METADATA_LIMIT_CHARS - 100 - 'other'.length),
        visibility: 'PROJECT',
        project: 'another-add-on',
      },
    ];
    // Key and value count: 4 + 96 characters fit exactly.
    ss.addDeveloperMetadata('head', 'y'.repeat(96), PROJECT);
    const [head] = find('head');
    expect(thrown(() => head.setValue('y'.repeat(97))).message).toBe(
      METADATA_TOO_LARGE,
    );
    expect(head.getValue()).toBe('y'.repeat(96));
    expect(thrown(() => ss.addDeveloperMetadata('z', PROJECT)).message).toBe(
      METADATA_TOO_LARGE,
    );
    expect(emulator.spreadsheet.state.developerMetadata).toHaveLength(2);
  });

  it('is in no sheet: deleting the sheet that was there leaves it', () => {
    const {ss, PROJECT, find} = opened();
    ss.insertSheet('Scorecard');
    ss.addDeveloperMetadata('head', 'v', PROJECT);
    ss.deleteSheet(ss.getSheetByName('Scorecard')!);
    expect(find('head')[0].getValue()).toBe('v');
  });

  it('a time-driven trigger reads and writes it through openById', () => {
    const {emulator, SpreadsheetApp, PROJECT, find} = opened();
    emulator.run({authMode: 'FULL', trigger: 'time'}, () => {
      SpreadsheetApp.openById(ID).addDeveloperMetadata('head', 'v', PROJECT);
    });
    expect(find('head')[0].getValue()).toBe('v');
  });

  it('a custom function may read but not write it (a spreadsheet write there is refused)', () => {
    const {emulator, ss, PROJECT, find} = opened();
    ss.addDeveloperMetadata('head', 'v', PROJECT);
    emulator.run(
      {authMode: 'CUSTOM_FUNCTION', trigger: 'custom-function'},
      () => {
        const [head] = find('head');
        expect(head.getValue()).toBe('v');
        expect(thrown(() => head.setValue('w')).message).toBe(
          'You do not have permission to call setValue',
        );
      },
    );
  });

  it('every call is counted as a service call, and writes are recorded for the lock checks', () => {
    const {ctx, ss, PROJECT, find} = opened();
    ctx.calls.reset();
    ss.addDeveloperMetadata('head', 'v', PROJECT);
    find('head')[0].setValue('w');
    expect(ctx.calls.snapshot()).toEqual({
      'DeveloperMetadata.setValue': 1,
      'DeveloperMetadataFinder.find': 1,
      'DeveloperMetadataFinder.withKey': 1,
      'Spreadsheet.addDeveloperMetadata': 1,
      'Spreadsheet.createDeveloperMetadataFinder': 1,
    });
    expect(ctx.writes.map(w => w.method)).toEqual([
      'addDeveloperMetadata',
      'setValue',
    ]);
  });

  it('is saved and loaded with the spreadsheet by the preview', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-metadata-'));
    try {
      const {emulator, ss, PROJECT} = opened();
      ss.addDeveloperMetadata('head', 'v', PROJECT);
      saveWorld(join(dir, 'world.json'), emulator);
      const after = loadWorld(join(dir, 'world.json'));
      const [head] = after.run({}, () =>
        (
          after.globals as unknown as {
            SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
          }
        ).SpreadsheetApp.getActiveSpreadsheet()
          .createDeveloperMetadataFinder()
          .withKey('head')
          .find(),
      );
      expect(head.getValue()).toBe('v');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
