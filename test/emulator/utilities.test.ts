/**
 * Utilities as Apps Script has it: Java SimpleDateFormat patterns in IANA
 * zones, Java's signed digest bytes, blobs (HTML to a real PDF), base64,
 * sleep on the emulated clock, UUIDs; all of it usable in AuthMode.NONE.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {thrown, world} from './world';

const LA = 'America/Los_Angeles';

describe('Utilities.formatDate', () => {
  it('shows the America/Los_Angeles November DST change: 01:30 happens twice, PDT then PST', () => {
    const {Utilities} = world();
    const f = (iso: string) =>
      Utilities.formatDate(new Date(iso), LA, 'yyyy-MM-dd HH:mm z Z');
    expect(f('2024-11-03T08:30:00Z')).toBe('2024-11-03 01:30 PDT -0700');
    expect(f('2024-11-03T09:30:00Z')).toBe('2024-11-03 01:30 PST -0800');
    expect(f('2024-11-03T10:30:00Z')).toBe('2024-11-03 02:30 PST -0800');
  });

  it('skips the March hour that does not exist: 01:59 PST is followed by 03:00 PDT', () => {
    const {Utilities} = world();
    const f = (iso: string) =>
      Utilities.formatDate(new Date(iso), LA, 'HH:mm:ss zzz');
    expect(f('2024-03-10T09:59:59Z')).toBe('01:59:59 PST');
    expect(f('2024-03-10T10:00:00Z')).toBe('03:00:00 PDT');
  });

  it('implements the SimpleDateFormat letters the add-on uses', () => {
    const {Utilities} = world();
    const d = new Date('2024-02-09T21:05:07.042Z'); // Friday, 13:05:07.042 in LA
    const cases: Array<[string, string]> = [
      ['y yy yyyy', '2024 24 2024'],
      ['M MM MMM MMMM', '2 02 Feb February'],
      ['d dd', '9 09'],
      ['E EEE EEEE u', 'Fri Fri Friday 5'],
      ['H HH h hh a', '13 13 1 01 PM'],
      ['m mm s ss', '5 05 7 07'],
      ['S SSS', '42 042'],
      ['z zzzz', 'PST Pacific Standard Time'],
      ['Z X XX XXX', '-0800 -08 -0800 -08:00'],
      ["'Week ending' EEEE", 'Week ending Friday'],
      ["h 'o''clock'", "1 o'clock"],
      ["''yy''", "'24'"],
      ['D w', '40 6'],
    ];
    for (const [pattern, expected] of cases)
      expect([pattern, Utilities.formatDate(d, LA, pattern)]).toEqual([
        pattern,
        expected,
      ]);
  });

  it('writes Z for a zero offset with X, as ISO 8601 does', () => {
    const {Utilities} = world();
    const d = new Date('2024-06-01T12:00:00Z');
    expect(Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2024-06-01T12:00:00Z',
    );
    expect(Utilities.formatDate(d, 'GMT+05:30', 'HH:mm XXX z')).toBe(
      '17:30 +05:30 GMT+05:30',
    );
  });

  it('formats in the zone it is given, whatever the script time zone is', () => {
    const {Utilities} = world({scriptTimeZone: 'Asia/Tokyo'});
    expect(
      Utilities.formatDate(new Date('2024-01-01T03:00:00Z'), LA, 'yyyy-MM-dd'),
    ).toBe('2023-12-31');
  });

  it('writes the RFC 822 offset with Z (+0900, -1000, +0530, +1400), as the add-on reads zones', () => {
    const {Utilities} = world();
    const d = new Date('2026-11-15T00:00:00Z');
    const offsets = [
      'Asia/Tokyo',
      'Pacific/Honolulu',
      'Asia/Kolkata',
      'Pacific/Kiritimati',
    ].map(zone => Utilities.formatDate(d, zone, 'Z'));
    expect(offsets).toEqual(['+0900', '-1000', '+0530', '+1400']);
  });

  it('formats years 1 to 99 in a named zone with its offset, not as 1901–1999', () => {
    // (Only year, time and offset: Java's calendar is Julian before 1582, so its day differs.)
    const {Utilities} = world();
    const d = new Date('0099-06-15T12:00:00Z');
    expect(Utilities.formatDate(d, 'Etc/GMT-3', 'yyyy HH:mm Z')).toBe(
      '0099 15:00 +0300',
    );
  });

  it('rejects an illegal pattern letter like Java does', () => {
    const {Utilities} = world();
    expect(() => Utilities.formatDate(new Date(0), LA, 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
  });
});

describe('Utilities.computeDigest', () => {
  // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
  const ABC_HEX =
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const signed = (hex: string) =>
    hex.match(/../g)!.map(h => {
      const b = parseInt(h, 16);
      return b > 127 ? b - 256 : b;
    });

  it('returns the known SHA-256 of "abc" as Java signed bytes (-128..127)', () => {
    const {Utilities} = world();
    const digest = Utilities.computeDigest(
      Utilities.DigestAlgorithm.SHA_256,
      'abc',
    );
    expect(digest).toEqual(signed(ABC_HEX));
    expect(digest[0]).toBe(-70); // 0xba
    expect(Math.min(...digest)).toBeGreaterThanOrEqual(-128);
    expect(Math.max(...digest)).toBeLessThanOrEqual(127);
  });

  it('hashes a string as UTF-8 unless told otherwise, and a byte array as its bytes', () => {
    const {Utilities} = world();
    const sha = Utilities.DigestAlgorithm.SHA_256;
    const utf8 = Utilities.computeDigest(sha, 'é', Utilities.Charset.UTF_8);
    expect(Utilities.computeDigest(sha, 'é')).toEqual(utf8);
    expect(Utilities.computeDigest(sha, [-61, -87])).toEqual(utf8); // é in UTF-8 is C3 A9
    expect(Utilities.computeDigest(sha, [97, 98, 99])).toEqual(signed(ABC_HEX));
  });
});

describe('Utilities blobs and base64', () => {
  it('newBlob keeps data, content type and name', () => {
    const {Utilities} = world();
    const blob = Utilities.newBlob('héllo', 'text/plain', 'greeting.txt');
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('greeting.txt');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(blob.setName('renamed.txt').getName()).toBe('renamed.txt');
  });

  it('base64Encode encodes a string as UTF-8 and a byte array as bytes', () => {
    const {Utilities} = world();
    expect(Utilities.base64Encode('Trust ✓')).toBe('VHJ1c3Qg4pyT');
    expect(Utilities.base64Encode([-1, 0, 1])).toBe('/wAB');
    expect(Utilities.base64Decode('/wAB')).toEqual([-1, 0, 1]);
  });

  it("getAs('application/pdf') on an HTML blob makes a real PDF a person can read", () => {
    const {Utilities} = world();
    const html = `<!doctype html><html><head><title>Week 6 snapshot</title>
      <style>h1 { color: red }</style><script>var hidden = 1;</script></head>
      <body><h1>Forecast variance 7.1% &mdash; target 8%</h1>
      <p>Committed $1,200,000; closed $1,114,800.</p>
      <table><tr><th>Commitment</th><th>Grade</th></tr>
      <tr><td>Gate compliance</td><td>Green</td></tr></table>
      <ul><li>Save-plays 5 of 6</li></ul></body></html>`;
    const pdf = Utilities.newBlob(html, 'text/html', 'snapshot.html').getAs(
      'application/pdf',
    );
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('snapshot.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'emulator-pdf-'));
    try {
      const file = join(dir, 'snapshot.pdf');
      writeFileSync(file, Buffer.from(pdf.getBytes()));
      const text = execFileSync('pdftotext', [file, '-'], {encoding: 'utf8'});
      expect(text).toContain('Forecast variance 7.1% — target 8%');
      expect(text).toContain('Committed $1,200,000; closed $1,114,800.');
      expect(text).toMatch(/Gate compliance\s+Green/);
      expect(text).toContain('• Save-plays 5 of 6');
      expect(text).not.toContain('hidden');
      expect(text).not.toContain('color');
      const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'});
      expect(info).toMatch(/Pages:\s+1/);
      expect(info).toMatch(/Title:\s+Week 6 snapshot/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('refuses conversions Apps Script does not make', () => {
    const {Utilities} = world();
    const error = thrown(() =>
      Utilities.newBlob('x', 'text/html').getAs('image/png'),
    );
    expect(error.message).toBe(
      'Converting from text/html to image/png is not supported.',
    );
  });
});

describe('Utilities.sleep and getUuid', () => {
  it('sleep waits on the emulated clock only', () => {
    const {Utilities, ctx} = world({now: new Date('2024-05-03T16:00:00Z')});
    Utilities.sleep(90_000);
    expect(ctx.now().toISOString()).toBe('2024-05-03T16:01:30.000Z');
  });

  it('getUuid returns a fresh RFC 4122 UUID each call', () => {
    const {Utilities} = world();
    const a = Utilities.getUuid();
    expect(a).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('Logger.log fills %s placeholders as Apps Script does', () => {
    const {emulator, Logger} = world();
    Logger.log('Week %s: variance %s', 6, '7.1%');
    Logger.log('plain', 1);
    expect(emulator.logs).toEqual(['Week 6: variance 7.1%', 'plain 1']);
  });

  it('works in AuthMode.NONE, where onOpen may run', () => {
    const {emulator, Utilities, Logger} = world();
    const out = emulator.run({authMode: 'NONE', trigger: 'simple'}, () => {
      Logger.log('opened');
      return Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
    });
    expect(out).toBe('1970');
    expect(emulator.logs).toEqual(['opened']);
  });
});
