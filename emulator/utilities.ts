/**
 * Utilities: formatDate (Java SimpleDateFormat patterns, IANA zones),
 * computeDigest (signed bytes like Java), blobs, base64, sleep (which moves
 * the emulated clock instead of waiting) and UUIDs. Works in every auth mode,
 * AuthMode.NONE included, as in Apps Script.
 */
import {createHash, randomUUID} from 'node:crypto';
import {
  FakeBlob,
  encodeText,
  encodingOf,
  fromByteArray,
  toSignedBytes,
} from './blob';
import {appsScriptError, type EmulatorContext} from './context';
import {formatDate} from './format-date';
import {expose, type Emulates} from './instrument';

type RealUtilities = GoogleAppsScript.Utilities.Utilities;
type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;
type Charset = GoogleAppsScript.Utilities.Charset;

/** Enum values are their names at run time; the cast keeps the real enum types for callers. */
export const DIGEST_ALGORITHMS = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;

export const CHARSETS = {
  US_ASCII: 'US_ASCII',
  UTF_8: 'UTF_8',
} as unknown as typeof GoogleAppsScript.Utilities.Charset;

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

function bytesOf(data: string | number[], charset?: unknown): Uint8Array {
  return typeof data === 'string'
    ? encodeText(data, charset)
    : fromByteArray(data);
}

export class FakeUtilities implements Emulates<
  RealUtilities,
  | 'formatDate'
  | 'computeDigest'
  | 'newBlob'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'sleep'
  | 'getUuid'
> {
  readonly DigestAlgorithm = DIGEST_ALGORITHMS;
  readonly Charset = CHARSETS;

  constructor(private readonly ctx: EmulatorContext) {}

  exposed() {
    return expose(this, 'Utilities', this.ctx);
  }

  /** Formats in the given zone with a SimpleDateFormat pattern; the script's zone plays no part. */
  formatDate(
    date: GoogleAppsScript.Base.Date,
    timeZone: string,
    format: string,
  ) {
    if (Object.prototype.toString.call(date) !== '[object Date]') {
      throw appsScriptError(
        `The parameters (${typeof date},${typeof timeZone},${typeof format}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    try {
      return formatDate(date as unknown as Date, timeZone, format);
    } catch (error) {
      throw appsScriptError(`Invalid argument: ${(error as Error).message}`);
    }
  }

  /** The digest as Java's signed bytes (-128..127), of a string's bytes in the charset (UTF-8 by default). */
  computeDigest(
    algorithm: DigestAlgorithm,
    value: string | number[],
    charset?: Charset,
  ): number[] {
    const name = NODE_DIGEST[String(algorithm)];
    if (!name)
      throw appsScriptError(
        `not emulated: Utilities.computeDigest with ${String(algorithm)}`,
      );
    const digest = createHash(name).update(bytesOf(value, charset)).digest();
    return toSignedBytes(new Uint8Array(digest));
  }

  newBlob(data: string | number[], contentType?: string, name?: string) {
    return new FakeBlob(
      this.ctx,
      bytesOf(data),
      contentType ?? null,
      name ?? null,
    ).exposed();
  }

  base64Encode(data: string | number[], charset?: Charset): string {
    return Buffer.from(bytesOf(data, charset)).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: Charset): string {
    return Buffer.from(bytesOf(data, charset))
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: Charset): number[] {
    void encodingOf(charset);
    const text = String(encoded).replace(/-/g, '+').replace(/_/g, '/');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s/g, '')))
      throw appsScriptError('Could not decode string.');
    return toSignedBytes(new Uint8Array(Buffer.from(text, 'base64')));
  }

  /** Waits without waiting: the emulated clock moves on by the given time. */
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0))
      throw appsScriptError('Invalid argument: milliseconds');
    this.ctx.advance(milliseconds);
  }

  getUuid(): string {
    return randomUUID();
  }
}
