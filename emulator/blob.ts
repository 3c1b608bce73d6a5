/**
 * Blob as Apps Script has it: bytes (signed, like Java's byte[]), a content
 * type and a name. getAs('application/pdf') turns an HTML or plain-text blob
 * into a real, readable PDF, the way the add-on makes its CFO handout.
 */
import type {EmulatorContext} from './context';
import {appsScriptError} from './context';
import {expose, unwrap, type Emulates} from './instrument';
import {htmlToPdf, linesToPdf} from './pdf';

type RealBlob = GoogleAppsScript.Base.Blob;

/** Java bytes are signed: 0..255 becomes -128..127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, b => (b > 127 ? b - 256 : b));
}

/** Accepts Apps Script byte arrays (signed or not) as raw bytes. */
export function fromByteArray(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const n = Number(data[i]);
    if (!Number.isInteger(n) || n < -128 || n > 255)
      throw appsScriptError(
        `Invalid argument: byte ${String(data[i])} at index ${i}`,
      );
    out[i] = n & 0xff;
  }
  return out;
}

/** The charsets Apps Script names (Utilities.Charset, or the Java names as strings). */
export function encodingOf(charset: unknown): 'utf8' | 'latin1' | 'ascii' {
  const name = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace(/-/g, '_');
  if (name === 'UTF_8' || name === 'UTF8') return 'utf8';
  if (name === 'US_ASCII' || name === 'ASCII') return 'ascii';
  if (name === 'ISO_8859_1' || name === 'LATIN1') return 'latin1';
  throw appsScriptError(`Invalid argument: charset ${String(charset)}`);
}

export function encodeText(text: string, charset?: unknown): Uint8Array {
  return new Uint8Array(Buffer.from(String(text), encodingOf(charset)));
}

/** Plain data of a blob, for the outbox and for persistence. */
export interface BlobData {
  name: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

export class FakeBlob implements Emulates<
  RealBlob,
  | 'getBytes'
  | 'getDataAsString'
  | 'getContentType'
  | 'getName'
  | 'isGoogleType'
  | 'getAs'
  | 'getBlob'
  | 'copyBlob'
  | 'setName'
  | 'setContentType'
  | 'setBytes'
  | 'setDataFromString'
> {
  private bytes: Uint8Array;

  constructor(
    private readonly ctx: EmulatorContext,
    bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = new Uint8Array(bytes);
  }

  exposed() {
    return expose(this, 'Blob', this.ctx);
  }

  data(): BlobData {
    return {
      name: this.name,
      contentType: this.contentType,
      bytes: new Uint8Array(this.bytes),
    };
  }

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return Buffer.from(this.bytes).toString(encodingOf(charset));
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string | null) {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string) {
    this.name = name;
    return this;
  }

  setBytes(data: number[]) {
    this.bytes = fromByteArray(data);
    return this;
  }

  setDataFromString(string: string, charset?: string) {
    this.bytes = encodeText(string, charset);
    return this;
  }

  isGoogleType(): boolean {
    return false;
  }

  getBlob() {
    return this.exposed();
  }

  copyBlob() {
    return new FakeBlob(
      this.ctx,
      this.bytes,
      this.contentType,
      this.name,
    ).exposed();
  }

  /**
   * Converts to another content type. Only PDF from HTML or plain text is
   * emulated; Apps Script renames the blob with the new extension.
   */
  getAs(contentType: string) {
    const from = this.contentType ?? 'application/octet-stream';
    if (contentType === from) return this.copyBlob();
    const base = from.split(';')[0].trim();
    if (
      contentType !== 'application/pdf' ||
      (base !== 'text/html' && base !== 'text/plain')
    ) {
      throw appsScriptError(
        `Converting from ${from} to ${contentType} is not supported.`,
      );
    }
    const text = this.getDataAsString();
    const pdf =
      base === 'text/html'
        ? htmlToPdf(text)
        : linesToPdf(
            text
              .split(/\r?\n/)
              .map(line => ({text: line, bold: false, size: 10})),
          );
    const name = this.name
      ? `${this.name.replace(/\.[^.]*$/, '')}.${EXTENSIONS[contentType]}`
      : null;
    return new FakeBlob(this.ctx, pdf, contentType, name).exposed();
  }
}

/** Reads any BlobSource (our blobs, or an object with getBlob/getBytes) as plain data. */
export function blobData(source: unknown): BlobData {
  const raw = unwrap(source as object);
  if (raw instanceof FakeBlob) return raw.data();
  const maybe = source as Partial<RealBlob> & {getBlob?: () => unknown};
  if (
    typeof maybe?.getBytes !== 'function' &&
    typeof maybe?.getBlob === 'function'
  )
    return blobData(maybe.getBlob());
  if (typeof maybe?.getBytes === 'function') {
    return {
      name: maybe.getName?.() ?? null,
      contentType: maybe.getContentType?.() ?? null,
      bytes: fromByteArray(maybe.getBytes()),
    };
  }
  throw appsScriptError('Invalid argument: attachments');
}
