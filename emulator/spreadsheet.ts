/**
 * An in-memory Spreadsheet, Sheet and Range with the semantics that make real
 * bugs visible: fresh 2D arrays from getValues with "" for blanks, 1-based
 * coordinates with Apps Script's error messages, shape-checked setValues,
 * strings that become formulas, protected sheets that refuse non-editors,
 * and read-only access inside custom functions.
 */
import type {EmulatorContext} from './context';
import {expose, unwrap, type Emulates} from './instrument';
import {typedDate} from './typed-date';
import {parseTyped} from './typed-input';
import {
  Protection,
  isConsumerAccount,
  type ProtectionState,
} from './protection';
import {
  DeveloperMetadataStore,
  type DeveloperMetadataState,
} from './developer-metadata';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type CellValue = string | number | boolean | Date;

/** A data-validation rule as the emulator keeps it. */
export interface ValidationRule {
  criteria:
    | 'VALUE_IN_LIST'
    | 'CHECKBOX'
    | 'DATE_IS_VALID_DATE'
    | 'NUMBER_BETWEEN'
    | 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** Everything a sheet holds, as plain data (serialisable for the preview). */
export interface SheetState {
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  values: CellValue[][];
  formulas: Record<string, string>;
  formats: Record<string, string>;
  validations: Record<string, ValidationRule>;
  frozenRows: number;
  hidden: boolean;
  protections: ProtectionState[];
  /** Pixel widths set by setColumnWidth, by 1-based column (others keep Sheets' default of 100). */
  columnWidths?: Record<number, number>;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function copyValue(v: CellValue): CellValue {
  return isDateValue(v) ? new Date(v.getTime()) : v;
}

const key = (r: number, c: number) => `${r},${c}`;

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function a1ToCoordinates(
  a1: string,
):
  | {row: number; column: number; numRows: number; numColumns: number}
  | undefined {
  const cell = /^\$?([A-Z]+)\$?(\d+)?$/i;
  const [start, end = start] = a1.split(':');
  const s = cell.exec(start);
  const e = cell.exec(end);
  if (!s || !e) return undefined;
  const col = (t: string) =>
    [...t.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = s[2] ? Number(s[2]) : 1;
  const lastRow = e[2] ? Number(e[2]) : Number.NaN;
  return {
    row,
    column: col(s[1]),
    numRows: Number.isNaN(lastRow) ? -1 : lastRow - row + 1,
    numColumns: col(e[1]) - col(s[1]) + 1,
  };
}

/**
 * Converts a value written by setValue(s) the way Sheets parses typed input:
 * "=..." is a formula; "'..." is forced text; numeric text ("12%", "$1,200",
 * "1,200", "TRUE" too: typed-input.ts) becomes a number or boolean with the
 * format Sheets gives it; "+x" / "-x" / "@x" that are not numbers are parsed
 * as formulas too.
 */
function parseWritten(
  value: unknown,
  plainText: boolean,
  timeZone: string,
): {value: CellValue; formula?: string; format?: string} {
  if (value === null || value === undefined) return {value: ''};
  if (isDateValue(value)) return {value: new Date(value.getTime())};
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return {value: '#NUM!'};
    return {value};
  }
  if (typeof value === 'boolean') return {value};
  if (typeof value !== 'string') return {value: String(value)};
  if (plainText) return {value};
  if (value.startsWith("'")) return {value: value.slice(1)};
  if (value.startsWith('=')) return {value: '', formula: value};
  const day = typedDate(value, timeZone);
  if (day) return {value: day};
  const typed = parseTyped(value);
  if (typed) return typed;
  if (/^[+\-@]/.test(value) && value.length > 1)
    return {value: '', formula: `=${value.replace(/^@/, '')}`};
  return {value};
}

export class FakeSheet implements Emulates<
  Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'isSheetHidden'
  | 'getIndex'
  | 'getRangeList'
> {
  readonly state: SheetState;
  /**
   * Test hook: `fn` runs (as its own execution, e.g. another bundle's call)
   * just before the next getValues of this tab returns: another execution
   * that holds a different lock interleaving at that moment.
   */
  beforeNextRead?: () => void;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    state: SheetState,
  ) {
    this.state = state;
  }

  private get ctx(): EmulatorContext {
    return this.spreadsheet.ctx;
  }

  getName(): string {
    return this.state.name;
  }

  setName(name: string) {
    this.requireEdit('setName');
    this.state.name = name;
    return this.exposed();
  }

  getSheetId(): number {
    return this.state.id;
  }

  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getParent() {
    return this.spreadsheet.exposed();
  }

  getMaxRows(): number {
    return this.state.maxRows;
  }

  getMaxColumns(): number {
    return this.state.maxColumns;
  }

  /** Last row with content; 0 on an empty sheet (Apps Script's own behaviour). */
  getLastRow(): number {
    const v = this.state.values;
    for (let r = v.length - 1; r >= 0; r--) {
      if (v[r].some(x => x !== '')) return r + 1;
      if (v[r].some((_, c) => this.state.formulas[key(r + 1, c + 1)]))
        return r + 1;
    }
    return 0;
  }

  getLastColumn(): number {
    let last = 0;
    this.state.values.forEach((row, r) => {
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== '' || this.state.formulas[key(r + 1, c + 1)]) {
          last = c + 1;
          break;
        }
      }
    });
    return last;
  }

  getRange(
    a: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ) {
    let row: number;
    let col: number;
    let rows: number;
    let cols: number;
    if (typeof a === 'string') {
      const parsed = a1ToCoordinates(a.includes('!') ? a.split('!')[1] : a);
      if (!parsed) throw new Error('Range not found');
      row = parsed.row;
      col = parsed.column;
      rows =
        parsed.numRows === -1 ? this.state.maxRows - row + 1 : parsed.numRows;
      cols = parsed.numColumns;
    } else {
      row = a;
      col = column ?? Number.NaN;
      rows = numRows ?? 1;
      cols = numColumns ?? 1;
    }
    if (!Number.isInteger(row) || !Number.isInteger(col)) {
      throw new Error(
        `Exception: The parameters (${typeof a},${typeof column}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1)
      throw new Error('The starting column of the range is too small.');
    if (rows < 1)
      throw new Error('The number of rows in the range must be at least 1.');
    if (cols < 1)
      throw new Error('The number of columns in the range must be at least 1.');
    if (
      row + rows - 1 > this.state.maxRows ||
      col + cols - 1 > this.state.maxColumns
    ) {
      throw new Error(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return new FakeRange(this, row, col, rows, cols).exposed();
  }

  /**
   * Sheet.getRangeList: "the ranges in the same sheet specified by a non-empty
   * list of A1 notations"; each must be a range of the sheet, as getRange checks.
   */
  getRangeList(a1Notations: string[]) {
    if (a1Notations.length === 0)
      throw new Error('Exception: The list of ranges must not be empty.');
    const ranges = a1Notations.map(a => unwrap(this.getRange(a)));
    return new FakeRangeList(ranges).exposed(this.ctx);
  }

  getDataRange() {
    return this.getRange(
      1,
      1,
      Math.max(1, this.getLastRow()),
      Math.max(1, this.getLastColumn()),
    );
  }

  /**
   * Values of a block in one call, without a Range: -1 rows or columns means
   * up to the last row or column with content, so getSheetValues(1, 1, -1, -1)
   * is the data range's values. On an empty sheet that is zero rows, which
   * throws getRange's message (stricter than guessing what Sheets returns).
   */
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const cols =
      numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return unwrap(this.getRange(startRow, startColumn, rows, cols)).getValues();
  }

  /** Appends one row after the last row with content, growing the sheet if needed. */
  appendRow(rowContents: unknown[]) {
    this.requireEdit('appendRow', false); // writeCells records the write
    const row = this.getLastRow() + 1;
    if (row > this.state.maxRows) this.state.maxRows = row;
    if (rowContents.length > this.state.maxColumns)
      this.state.maxColumns = rowContents.length;
    new FakeRange(this, row, 1, 1, Math.max(1, rowContents.length)).writeCells(
      [rowContents],
      'appendRow',
    );
    return this.exposed();
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this.requireEdit('insertRowsAfter');
    const v = this.state.values;
    if (afterPosition < v.length) {
      throw new Error(
        'not emulated: Sheet.insertRowsAfter inside the data (only at the end)',
      );
    }
    this.state.maxRows += howMany;
    return this.exposed();
  }

  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.requireEdit('insertColumnsAfter');
    if (afterPosition < this.getLastColumn()) {
      throw new Error(
        'not emulated: Sheet.insertColumnsAfter inside the data (only at the end)',
      );
    }
    this.state.maxColumns += howMany;
    return this.exposed();
  }

  getFrozenRows(): number {
    return this.state.frozenRows;
  }

  setFrozenRows(rows: number) {
    this.requireEdit('setFrozenRows');
    this.state.frozenRows = rows;
    return this.exposed();
  }

  /**
   * Sheet.setColumnWidth(columnPosition, width): the width in pixels, the
   * Sheet back for chaining. Stricter than unsure: a column outside the grid
   * or a width that is not a whole number of pixels 0 or more throws.
   */
  setColumnWidth(columnPosition: number, width: number) {
    this.requireEdit('setColumnWidth');
    if (
      !Number.isInteger(columnPosition) ||
      columnPosition < 1 ||
      columnPosition > this.state.maxColumns ||
      !Number.isInteger(width) ||
      width < 0
    )
      throw new Error(
        `Sheet.setColumnWidth: column ${columnPosition}, width ${width} out of range`,
      );
    (this.state.columnWidths ??= {})[columnPosition] = width;
    return this.exposed();
  }

  isSheetHidden(): boolean {
    return this.state.hidden;
  }

  hideSheet() {
    this.requireEdit('hideSheet');
    this.state.hidden = true;
    return this.exposed();
  }

  showSheet() {
    this.requireEdit('showSheet');
    this.state.hidden = false;
    return this.exposed();
  }

  /** Protects the whole sheet; Apps Script returns the existing sheet protection when there is one. */
  protect() {
    this.requireEdit('protect');
    let state = this.state.protections.find(p => p.type === 'SHEET');
    if (!state) {
      state = {
        type: 'SHEET',
        description: '',
        editors: [this.ctx.owner, this.ctx.user],
        // A consumer (gmail.com) spreadsheet has no domain to share edit rights with.
        domainEdit: !isConsumerAccount(this.ctx.owner),
        warningOnly: false,
      };
      state.editors = [...new Set(state.editors)];
      this.state.protections.push(state);
    }
    return expose(new Protection(this, state), 'Protection', this.ctx);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType | string) {
    this.ctx.requireAuth('Sheet.getProtections', 'read');
    return this.state.protections
      .filter(p => p.type === String(type))
      .map(p => expose(new Protection(this, p), 'Protection', this.ctx));
  }

  exposed() {
    return expose(this, 'Sheet', this.ctx);
  }

  /** Whether the current user may write here: the owner always may; others only as editors of every protection. */
  canEdit(user = this.ctx.user): boolean {
    if (user === this.ctx.owner) return true;
    return this.state.protections.every(
      p => p.warningOnly || p.editors.includes(user),
    );
  }

  requireEdit(method: string, record = true): void {
    this.ctx.requireAuth(method, 'write');
    if (!this.canEdit()) throw new Error(PROTECTED_MESSAGE);
    // Lets tests assert that every write ran under the document lock.
    if (record) this.ctx.recordWrite(method, this.state.name);
  }

  /** Grows the backing arrays to hold (rows × cols), filling with "". */
  ensureSize(rows: number, cols: number): void {
    const v = this.state.values;
    while (v.length < rows) v.push([]);
    for (let r = 0; r < rows; r++) {
      while (v[r].length < cols) v[r].push('');
    }
  }
}

export class FakeRange implements Emulates<
  Range,
  | 'getValues'
  | 'getValue'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getFormulas'
  | 'getDisplayValues'
  | 'getNumberFormats'
  | 'getNumberFormat'
> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get ctx(): EmulatorContext {
    return this.sheet.spreadsheet.ctx;
  }

  exposed() {
    return expose(this, 'Range', this.ctx);
  }

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getSheet() {
    return this.sheet.exposed();
  }

  getA1Notation(): string {
    const start = `${columnLetter(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetter(this.getLastColumn())}${this.getLastRow()}`;
  }

  private cells<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        line.push(read(this.row + r, this.column + c));
      out.push(line);
    }
    return out;
  }

  private valueAt(r: number, c: number): CellValue {
    const line = this.sheet.state.values[r - 1];
    const v = line ? line[c - 1] : undefined;
    return v === undefined ? '' : copyValue(v);
  }

  /** A fresh row-major 2D array: number, boolean, Date or string; "" for empty cells. */
  getValues(): unknown[][] {
    this.ctx.requireAuth('Range.getValues', 'read');
    const other = this.sheet.beforeNextRead;
    this.sheet.beforeNextRead = undefined;
    other?.();
    return this.cells((r, c) => this.valueAt(r, c));
  }

  getValue(): unknown {
    this.ctx.requireAuth('Range.getValue', 'read');
    return this.valueAt(this.row, this.column);
  }

  getDisplayValues(): string[][] {
    this.ctx.requireAuth('Range.getDisplayValues', 'read');
    return this.cells((r, c) =>
      this.sheet.spreadsheet.display(
        this.valueAt(r, c),
        this.sheet.state.formats[key(r, c)],
      ),
    );
  }

  getFormulas(): string[][] {
    this.ctx.requireAuth('Range.getFormulas', 'read');
    return this.cells((r, c) => this.sheet.state.formulas[key(r, c)] ?? '');
  }

  getFormula(): string {
    this.ctx.requireAuth('Range.getFormula', 'read');
    return this.sheet.state.formulas[key(this.row, this.column)] ?? '';
  }

  setValues(values: unknown[][]) {
    this.writeCells(values, 'setValues');
    return this.exposed();
  }

  setValue(value: unknown) {
    this.writeCells(
      this.cells(() => value),
      'setValue',
    );
    return this.exposed();
  }

  setFormula(formula: string) {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  setFormulas(formulas: string[][]) {
    return this.setValues(formulas);
  }

  clearContent() {
    this.writeCells(
      this.cells(() => ''),
      'clearContent',
    );
    return this.exposed();
  }

  /** Shape-checked write with Apps Script's exact messages; nothing is written when the shape is wrong. */
  writeCells(values: unknown[][], method: string): void {
    this.sheet.requireEdit(method);
    if (!Array.isArray(values) || values.some(r => !Array.isArray(r))) {
      throw new Error(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    this.requireShape(values);
    const state = this.sheet.state;
    this.sheet.ensureSize(this.getLastRow(), this.getLastColumn());
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = this.row + r;
        const col = this.column + c;
        const parsed = parseWritten(
          value,
          state.formats[key(row, col)] === '@',
          this.sheet.spreadsheet.state.timeZone,
        );
        state.values[row - 1][col - 1] = parsed.value;
        const at = key(row, col);
        if (parsed.format && (state.formats[at] ?? 'General') === 'General')
          state.formats[at] = parsed.format;
        if (parsed.formula) state.formulas[key(row, col)] = parsed.formula;
        else delete state.formulas[key(row, col)];
      }),
    );
  }

  setNumberFormat(numberFormat: string) {
    return this.setNumberFormats(this.cells(() => numberFormat));
  }

  setNumberFormats(formats: string[][]) {
    this.sheet.requireEdit('setNumberFormats');
    this.forEachCell((r, c, i, j) => {
      this.sheet.state.formats[key(r, c)] = formats[i][j];
    });
    return this.exposed();
  }

  getNumberFormat(): string {
    return this.sheet.state.formats[key(this.row, this.column)] ?? 'General';
  }

  getNumberFormats(): string[][] {
    return this.cells(
      (r, c) => this.sheet.state.formats[key(r, c)] ?? 'General',
    );
  }

  setDataValidation(rule: FakeDataValidation | null) {
    this.sheet.requireEdit('setDataValidation');
    this.forEachCell((r, c) => this.storeRule(r, c, rule));
    return this.exposed();
  }

  /** Keeps a copy of the rule (null: none), so a builder reused later cannot change this cell's. */
  private storeRule(r: number, c: number, rule: FakeDataValidation | null) {
    if (rule)
      this.sheet.state.validations[key(r, c)] = {
        ...rule.rule,
        values: [...rule.rule.values],
      };
    else delete this.sheet.state.validations[key(r, c)];
  }

  /** A grid written to the range must have its shape: Apps Script's messages for setValues and the other grid setters. */
  private requireShape(grid: readonly (readonly unknown[])[]) {
    if (grid.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`,
      );
    }
    const wide = grid.find(line => line.length !== this.numColumns);
    if (wide) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${wide.length} but the range has ${this.numColumns}.`,
      );
    }
  }

  /** One rule (or null: none) per cell, in one call; the grid must match the range's shape. */
  setDataValidations(rules: (FakeDataValidation | null)[][]) {
    this.sheet.requireEdit('setDataValidations');
    this.requireShape(rules);
    this.forEachCell((r, c, i, j) => this.storeRule(r, c, rules[i][j]));
    return this.exposed();
  }

  getDataValidation() {
    const rule = this.sheet.state.validations[key(this.row, this.column)];
    return rule ? new FakeDataValidation(rule) : null;
  }

  /** Checkboxes: a checkbox rule on every cell; blank cells become unchecked (false). */
  insertCheckboxes() {
    this.sheet.requireEdit('insertCheckboxes');
    this.sheet.ensureSize(this.getLastRow(), this.getLastColumn());
    this.forEachCell((r, c) => {
      this.sheet.state.validations[key(r, c)] = {
        criteria: 'CHECKBOX',
        values: [],
        allowInvalid: false,
        helpText: '',
      };
      if (this.sheet.state.values[r - 1][c - 1] === '')
        this.sheet.state.values[r - 1][c - 1] = false;
    });
    return this.exposed();
  }

  /** Cosmetic setters: recorded nowhere, but they must exist and require edit rights. */
  setFontWeight(fontWeight: string | null) {
    void fontWeight;
    this.sheet.requireEdit('setFontWeight');
    return this.exposed();
  }

  setBackground(color: string | null) {
    void color;
    this.sheet.requireEdit('setBackground');
    return this.exposed();
  }

  setWrap(isWrapEnabled: boolean) {
    void isWrapEnabled;
    this.sheet.requireEdit('setWrap');
    return this.exposed();
  }

  setNote(note: string | null) {
    void note;
    this.sheet.requireEdit('setNote');
    return this.exposed();
  }

  private forEachCell(
    fn: (row: number, col: number, i: number, j: number) => void,
  ): void {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numColumns; j++)
        fn(this.row + i, this.column + j, i, j);
  }
}

/** SpreadsheetApp.newDataValidation(): the builder and the rule it builds. */
export class FakeDataValidationBuilder {
  private rule: ValidationRule = {
    criteria: 'VALUE_IN_LIST',
    values: [],
    allowInvalid: true,
    helpText: '',
  };

  requireValueInList(values: string[], showDropdown?: boolean) {
    void showDropdown;
    this.rule = {...this.rule, criteria: 'VALUE_IN_LIST', values: [...values]};
    return this;
  }

  requireCheckbox() {
    this.rule = {...this.rule, criteria: 'CHECKBOX', values: []};
    return this;
  }

  requireDate() {
    this.rule = {...this.rule, criteria: 'DATE_IS_VALID_DATE', values: []};
    return this;
  }

  requireNumberBetween(start: number, end: number) {
    this.rule = {
      ...this.rule,
      criteria: 'NUMBER_BETWEEN',
      values: [start, end],
    };
    return this;
  }

  requireNumberGreaterThanOrEqualTo(number: number) {
    this.rule = {
      ...this.rule,
      criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      values: [number],
    };
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean) {
    this.rule = {...this.rule, allowInvalid: allowInvalidData};
    return this;
  }

  setHelpText(helpText: string) {
    this.rule = {...this.rule, helpText};
    return this;
  }

  build() {
    return new FakeDataValidation({...this.rule});
  }
}

export class FakeDataValidation {
  constructor(readonly rule: ValidationRule) {}

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.rule.criteria === 'VALUE_IN_LIST'
      ? [[...this.rule.values], true]
      : [...this.rule.values];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    return this.rule.helpText;
  }
}

/** Everything a spreadsheet holds, as plain data. */
export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  /** A world saved before locales were emulated has none: en_US, Sheets' default for a US account. */
  locale?: string;
  sheets: SheetState[];
  nextSheetId: number;
  /** Spreadsheet-level developer metadata (developer-metadata.ts); none in a world saved before it. */
  developerMetadata?: DeveloperMetadataState[];
}

export function emptySheetState(name: string, id: number): SheetState {
  return {
    name,
    id,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    values: [],
    formulas: {},
    formats: {},
    validations: {},
    frozenRows: 0,
    hidden: false,
    protections: [],
  };
}

export class FakeSpreadsheet implements Emulates<
  Spreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getNumSheets'
> {
  readonly sheets: FakeSheet[];
  readonly metadata: DeveloperMetadataStore;

  constructor(
    readonly ctx: EmulatorContext,
    readonly state: SpreadsheetState,
  ) {
    this.sheets = state.sheets.map(s => new FakeSheet(this, s));
    this.metadata = new DeveloperMetadataStore(ctx, state);
  }

  /** Developer metadata on the spreadsheet itself (developer-metadata.ts says what is emulated). */
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown) {
    this.metadata.add(key, value, visibility);
    return this.exposed();
  }

  createDeveloperMetadataFinder() {
    this.ctx.requireAuth('Spreadsheet.createDeveloperMetadataFinder', 'read');
    return this.metadata.finder();
  }

  getDeveloperMetadata() {
    this.ctx.requireAuth('Spreadsheet.getDeveloperMetadata', 'read');
    return this.metadata.visible().map(e => this.metadata.exposed(e));
  }

  exposed() {
    return expose(this, 'Spreadsheet', this.ctx);
  }

  getId(): string {
    return this.state.id;
  }

  getName(): string {
    return this.state.name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.state.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.state.timeZone;
  }

  /** Like getSpreadsheetTimeZone, a property of the file: "en_US", "de_DE" (or a bare language, "fr"). */
  getSpreadsheetLocale(): string {
    return this.state.locale ?? 'en_US';
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.requireAuth('Spreadsheet.setSpreadsheetTimeZone', 'write');
    this.state.timeZone = timezone;
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  getSheets() {
    this.ctx.requireAuth('Spreadsheet.getSheets', 'read');
    return this.sheets.map(s => s.exposed());
  }

  getSheetByName(name: string) {
    this.ctx.requireAuth('Spreadsheet.getSheetByName', 'read');
    const sheet = this.sheets.find(s => s.state.name === name);
    return sheet ? sheet.exposed() : null;
  }

  getActiveSheet() {
    return this.sheets[0].exposed();
  }

  /** Adds a sheet at the end; a duplicate name throws Apps Script's message. */
  insertSheet(sheetName: string) {
    this.ctx.requireAuth('Spreadsheet.insertSheet', 'write');
    this.ctx.recordWrite('insertSheet', sheetName);
    if (
      this.sheets.some(
        s => s.state.name.toLowerCase() === sheetName.toLowerCase(),
      )
    ) {
      throw new Error(
        `A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    }
    const state = emptySheetState(sheetName, this.state.nextSheetId++);
    this.state.sheets.push(state);
    const sheet = new FakeSheet(this, state);
    this.sheets.push(sheet);
    return sheet.exposed();
  }

  /**
   * Deletes a sheet (its protections go with it). A protected sheet needs an
   * editor of its protection; the last sheet cannot go.
   */
  deleteSheet(sheet: {getSheetId(): number}): void {
    const index = this.sheets.findIndex(s => s.state.id === sheet.getSheetId());
    const target = this.sheets[index];
    if (!target) throw new Error('Sheet not found');
    target.requireEdit('deleteSheet');
    if (this.sheets.length === 1)
      throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    this.state.sheets.splice(this.state.sheets.indexOf(target.state), 1);
  }

  getOwner() {
    return fakeUser(this.ctx.owner, this.ctx);
  }

  /** A toast shows something to the person: a custom function may not ("You do not have permission to call toast"). */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    void timeoutSeconds;
    this.ctx.requireAuth('Spreadsheet.toast', 'write');
    this.ctx.toasts.push(title ? `${title}: ${msg}` : msg);
  }

  /** The value as Sheets would display it, in the spreadsheet's time zone. */
  display(value: CellValue, format: string | undefined): string {
    if (isDateValue(value)) {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: this.state.timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: format && /h/i.test(format) ? 'numeric' : undefined,
        minute: format && /h/i.test(format) ? '2-digit' : undefined,
      });
      return parts.format(value);
    }
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') {
      if (format?.includes('%')) {
        const decimals = /0\.(0+)%/.exec(format)?.[1].length ?? 0;
        return `${(value * 100).toFixed(decimals)}%`;
      }
      if (format?.includes('$')) {
        return `${value < 0 ? '-' : ''}$${Math.abs(value).toLocaleString('en-US', {maximumFractionDigits: format.includes('.00') ? 2 : 0, minimumFractionDigits: format.includes('.00') ? 2 : 0})}`;
      }
      if (format?.includes('#,##0')) {
        const places = format.includes('.00') ? 2 : 0;
        return value.toLocaleString('en-US', {
          maximumFractionDigits: places,
          minimumFractionDigits: places,
        });
      }
      return String(value);
    }
    return value;
  }
}

export function fakeUser(email: string, ctx: EmulatorContext) {
  return expose({getEmail: () => email}, 'User', ctx);
}

/** Sheet.getRangeList(…): ranges of one sheet formatted together, one call for them all. */
export class FakeRangeList implements Emulates<
  GoogleAppsScript.Spreadsheet.RangeList,
  'setNumberFormat'
> {
  constructor(readonly ranges: FakeRange[]) {}

  exposed(ctx: EmulatorContext) {
    return expose(this, 'RangeList', ctx);
  }

  /**
   * RangeList.getRanges: "Returns a list of one or more Range instances in the
   * same sheet", in the order of the A1 notations getRangeList was given (the
   * reference names no other order; public code maps them back by index).
   * Each Range is the one getRange(a1) would return.
   */
  getRanges() {
    return this.ranges.map(r => r.exposed());
  }

  /** RangeList.setNumberFormat: "Sets the number format … for each Range in the range list." */
  setNumberFormat(format: string) {
    for (const range of this.ranges) range.setNumberFormat(format);
    return this;
  }
}
