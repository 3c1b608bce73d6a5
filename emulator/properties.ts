/**
 * PropertiesService: document, script and per-user stores of strings. Values
 * that are not strings are stored as String(value), as Apps Script does; a
 * value over 9 KB throws "Argument too large: value" and a store over 500 KB
 * throws Apps Script's quota message, with nothing written either way.
 */
import {appsScriptError, type EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';

type RealProperties = GoogleAppsScript.Properties.Properties;
type RealService = GoogleAppsScript.Properties.PropertiesService;

/** Quotas page: "Properties value size 9kB / val", "Properties total storage 500kB / property store". */
export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Every property store, as plain data (serialisable for the preview). */
export interface PropertiesState {
  document: Record<string, string>;
  script: Record<string, string>;
  /** User properties, per user email. */
  user: Record<string, Record<string, string>>;
}

export function emptyPropertiesState(): PropertiesState {
  return {document: {}, script: {}, user: {}};
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeBytes(store: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += bytes(k) + bytes(v);
  return total;
}

export class FakeProperties implements Emulates<
  RealProperties,
  | 'getProperty'
  | 'getProperties'
  | 'getKeys'
  | 'setProperty'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
> {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: () => Record<string, string>,
    /** Why writes are refused here, if they are (user properties in a custom function). */
    private readonly readOnly: string | undefined = undefined,
  ) {}

  private requireWrite(method: string): void {
    if (this.readOnly)
      throw appsScriptError(this.readOnly.replace('%s', method));
  }

  getProperty(key: string): string | null {
    const store = this.store();
    return Object.prototype.hasOwnProperty.call(store, String(key))
      ? store[String(key)]
      : null;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): {[key: string]: string} {
    return {...this.store()};
  }

  getKeys(): string[] {
    return Object.keys(this.store());
  }

  setProperty(key: string, value: string) {
    return this.setProperties({[key]: value});
  }

  setProperties(properties: {[key: string]: string}, deleteAllOthers = false) {
    this.requireWrite('setProperties');
    if (properties === null || typeof properties !== 'object')
      throw appsScriptError('Invalid argument: properties');
    const incoming: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties)) {
      if (k === '') throw appsScriptError('Invalid argument: key');
      const text = String(v);
      if (bytes(text) > VALUE_LIMIT_BYTES)
        throw appsScriptError(VALUE_TOO_LARGE);
      incoming[k] = text;
    }
    const store = this.store();
    const next = deleteAllOthers ? incoming : {...store, ...incoming};
    if (storeBytes(next) > STORE_LIMIT_BYTES) throw appsScriptError(STORE_FULL);
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
    return this;
  }

  deleteProperty(key: string) {
    this.requireWrite('deleteProperty');
    delete this.store()[String(key)];
    return this;
  }

  deleteAllProperties() {
    this.requireWrite('deleteAllProperties');
    const store = this.store();
    for (const k of Object.keys(store)) delete store[k];
    return this;
  }
}

export class FakePropertiesService implements Emulates<
  RealService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  constructor(
    private readonly ctx: EmulatorContext,
    readonly state: PropertiesState,
  ) {}

  exposed() {
    return expose(this, 'PropertiesService', this.ctx);
  }

  private wrap(store: () => Record<string, string>, readOnly?: string) {
    return expose(
      new FakeProperties(this.ctx, store, readOnly),
      'Properties',
      this.ctx,
    );
  }

  /** Null without a current document (a time-driven trigger): the reference types it "Properties|null". */
  getDocumentProperties() {
    this.ctx.requireAuth('PropertiesService.getDocumentProperties', 'basic');
    if (!this.ctx.hasDocument()) return null as unknown as FakeProperties;
    return this.wrap(() => this.state.document);
  }

  getScriptProperties() {
    this.ctx.requireAuth('PropertiesService.getScriptProperties', 'basic');
    return this.wrap(() => this.state.script);
  }

  /**
   * The current user's store. In a custom function Apps Script hands over the
   * spreadsheet owner's store, and editors cannot set it (Custom Functions
   * guide; the error wording for that write is unconfirmed).
   */
  getUserProperties() {
    this.ctx.requireAuth('PropertiesService.getUserProperties', 'basic');
    const customFunction = this.ctx.authMode === 'CUSTOM_FUNCTION';
    const email = customFunction ? this.ctx.owner : this.ctx.user;
    const readOnly =
      customFunction && this.ctx.user !== this.ctx.owner
        ? 'You do not have permission to call Properties.%s'
        : undefined;
    return this.wrap(() => (this.state.user[email] ??= {}), readOnly);
  }
}
