/**
 * Spreadsheet-level developer metadata: key/value pairs kept in the file
 * itself, outside every sheet, so deleting or recreating a tab leaves them.
 * Apps Script reference (Spreadsheet.addDeveloperMetadata(key, value,
 * visibility), createDeveloperMetadataFinder(), DeveloperMetadata.getValue/
 * setValue/remove): a key is required; DOCUMENT-visible metadata is seen by
 * every project with access to the file, PROJECT-visible only by the project
 * that created it (DeveloperMetadataVisibility reference); a search returns
 * what the caller may see; several entries may share a key (Sheets API
 * reference: "There may be multiple metadata in a spreadsheet with the same
 * key"). The Sheets API metadata guide caps the metadata of a spreadsheet at
 * 30,000 characters (as reported: its limits section was not in the stored
 * copies searched); the emulator counts keys and values of every project's
 * entries against it, and refuses a write past it with nothing written (the
 * wording of Google's refusal is unconfirmed: it follows Sheets' "above the
 * limit of 5000000 cells" message). Only the spreadsheet
 * location is emulated: sheet, row and column metadata, and moving metadata,
 * throw "not emulated".
 */
import {appsScriptError, type EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';

type RealMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type RealFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

export type Visibility = 'DOCUMENT' | 'PROJECT';

/** One entry as plain data (the preview's world file keeps it with the spreadsheet). */
export interface DeveloperMetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: Visibility;
  /** The project that created it: THIS_PROJECT for the emulated script, any other name for another add-on. */
  project: string;
}

/** The project the emulated script runs as. */
export const THIS_PROJECT = 'this-project';
export const METADATA_LIMIT_CHARS = 30_000;
export const METADATA_TOO_LARGE = `This action would increase the developer metadata of the spreadsheet above the limit of ${METADATA_LIMIT_CHARS} characters.`;

/** An Apps Script enum value: an object whose name() and toString() give its name, never a plain string. */
function enumValue(name: Visibility) {
  return Object.freeze({name: () => name, toString: () => name});
}
/** SpreadsheetApp.DeveloperMetadataVisibility. */
export const DeveloperMetadataVisibility = Object.freeze({
  DOCUMENT: enumValue('DOCUMENT'),
  PROJECT: enumValue('PROJECT'),
});
const VISIBILITIES = new Map<unknown, Visibility>(
  Object.values(DeveloperMetadataVisibility).map(v => [v, v.name()]),
);

/** Where a spreadsheet keeps its metadata (created on first use: a world saved before has none). */
export interface MetadataHolder {
  developerMetadata?: DeveloperMetadataState[];
}

const visible = (e: DeveloperMetadataState) =>
  e.visibility === 'DOCUMENT' || e.project === THIS_PROJECT;

const chars = (entries: readonly DeveloperMetadataState[]) =>
  entries.reduce((n, e) => n + e.key.length + (e.value ?? '').length, 0);

export class DeveloperMetadataStore {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly holder: MetadataHolder,
  ) {}

  get entries(): DeveloperMetadataState[] {
    return (this.holder.developerMetadata ??= []);
  }

  /** Spreadsheet.addDeveloperMetadata(key[, value][, visibility]): DOCUMENT unless a visibility is given. */
  add(key: unknown, second?: unknown, third?: unknown): void {
    this.ctx.requireAuth('Spreadsheet.addDeveloperMetadata', 'write');
    this.ctx.recordWrite('addDeveloperMetadata', '(developer metadata)');
    if (typeof key !== 'string' || key === '')
      throw appsScriptError('Invalid argument: key');
    const secondIsVisibility = VISIBILITIES.has(second);
    const value = secondIsVisibility || second === undefined ? null : second;
    if (value !== null && typeof value !== 'string')
      throw appsScriptError('Invalid argument: value');
    const given = secondIsVisibility ? second : third;
    if (given !== undefined && !VISIBILITIES.has(given))
      throw appsScriptError('Invalid argument: visibility');
    const entry: DeveloperMetadataState = {
      id: this.nextId(),
      key,
      value,
      visibility: given === undefined ? 'DOCUMENT' : VISIBILITIES.get(given)!,
      project: THIS_PROJECT,
    };
    this.requireRoom([...this.entries, entry]);
    this.entries.push(entry);
  }

  /** What this project may see, in the order written. */
  visible(): DeveloperMetadataState[] {
    return this.entries.filter(visible);
  }

  exposed(entry: DeveloperMetadataState) {
    return expose(
      new FakeDeveloperMetadata(this, entry),
      'DeveloperMetadata',
      this.ctx,
    );
  }

  finder() {
    return expose(
      new FakeDeveloperMetadataFinder(this),
      'DeveloperMetadataFinder',
      this.ctx,
    );
  }

  requireRoom(entries: readonly DeveloperMetadataState[]): void {
    if (chars(entries) > METADATA_LIMIT_CHARS)
      throw appsScriptError(METADATA_TOO_LARGE);
  }

  /** IDs are positive and unique in the spreadsheet (Sheets API: metadataId). */
  private nextId(): number {
    return Math.max(0, ...this.entries.map(e => e.id)) + 1;
  }

  get context(): EmulatorContext {
    return this.ctx;
  }
}

export class FakeDeveloperMetadata implements Emulates<
  RealMetadata,
  'getId' | 'getKey' | 'getValue' | 'remove'
> {
  constructor(
    private readonly store: DeveloperMetadataStore,
    private readonly entry: DeveloperMetadataState,
  ) {}

  /** A removed entry is gone: what still holds it gets an error, never a ghost (stricter than unknown). */
  private live(): DeveloperMetadataState {
    if (!this.store.entries.includes(this.entry))
      throw appsScriptError('The developer metadata was removed.');
    return this.entry;
  }

  getId(): number {
    return this.live().id;
  }

  getKey(): string {
    return this.live().key;
  }

  getValue(): string | null {
    this.store.context.requireAuth('DeveloperMetadata.getValue', 'read');
    return this.live().value;
  }

  getVisibility() {
    return DeveloperMetadataVisibility[this.live().visibility];
  }

  /** Replaces the value; past the spreadsheet's limit it throws and keeps the old one. */
  setValue(value: string) {
    const {context} = this.store;
    context.requireAuth('DeveloperMetadata.setValue', 'write');
    context.recordWrite('setValue', '(developer metadata)');
    const entry = this.live();
    if (typeof value !== 'string')
      throw appsScriptError('Invalid argument: value');
    this.store.requireRoom(
      this.store.entries.map(e => (e === entry ? {...e, value} : e)),
    );
    entry.value = value;
    return this;
  }

  remove(): void {
    const {context} = this.store;
    context.requireAuth('DeveloperMetadata.remove', 'write');
    context.recordWrite('remove', '(developer metadata)');
    const entries = this.store.entries;
    entries.splice(entries.indexOf(this.live()), 1);
  }
}

/** Spreadsheet.createDeveloperMetadataFinder(): filters chain; find() returns what this project may see. */
export class FakeDeveloperMetadataFinder implements Emulates<
  RealFinder,
  'withId' | 'withKey' | 'withValue'
> {
  private readonly tests: ((e: DeveloperMetadataState) => boolean)[] = [];

  constructor(private readonly store: DeveloperMetadataStore) {}

  withId(id: number) {
    this.tests.push(e => e.id === id);
    return this;
  }

  withKey(key: string) {
    this.tests.push(e => e.key === key);
    return this;
  }

  withValue(value: string) {
    this.tests.push(e => e.value === value);
    return this;
  }

  withVisibility(visibility: unknown) {
    const name = VISIBILITIES.get(visibility);
    if (!name) throw appsScriptError('Invalid argument: visibility');
    this.tests.push(e => e.visibility === name);
    return this;
  }

  find() {
    this.store.context.requireAuth('DeveloperMetadataFinder.find', 'read');
    return this.store
      .visible()
      .filter(e => this.tests.every(test => test(e)))
      .map(e => this.store.exposed(e));
  }
}
