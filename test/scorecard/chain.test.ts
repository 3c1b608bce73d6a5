import {createHash} from 'node:crypto';
import {
  GENESIS,
  bytesToHex,
  canonicalRow,
  canonicalValue,
  chainValue,
  verifyChain,
} from '../../src/domain/chain';

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');

function chainOf(contents: string[]) {
  let previous = GENESIS;
  return contents.map(canonical => {
    previous = chainValue(sha256, previous, canonical);
    return {canonical, chain: previous};
  });
}

describe('tamper-evident chain', () => {
  it('gives values a stable, typed text form (dates to the second)', () => {
    expect(canonicalValue(new Date('2026-11-20T17:00:00.400Z'))).toBe(
      'date:2026-11-20T17:00:00.000Z',
    );
    expect(canonicalValue(0.05)).toBe('number:0.05');
    expect(canonicalValue('0.05')).toBe('text:0.05');
    expect(canonicalValue('')).toBe('text:');
    expect(canonicalValue(true)).toBe('boolean:true');
  });

  it('names headers in the canonical row so a moved column does not change it', () => {
    expect(canonicalRow(['Week', 'Closed'], [7, 100])).toBe(
      'Week=number:7\u001fClosed=number:100',
    );
  });

  it('accepts an untouched chain', () => {
    expect(verifyChain(sha256, chainOf(['a', 'b', 'c']))).toBeUndefined();
  });

  it('names the first row whose content was changed afterwards', () => {
    const rows = chainOf(['a', 'b', 'c']);
    rows[1] = {...rows[1], canonical: 'B'};
    expect(verifyChain(sha256, rows)).toEqual({
      index: 1,
      reason:
        'its content no longer matches the chain value recorded when it was written',
    });
  });

  it('catches a deleted row at the row that follows it', () => {
    const rows = chainOf(['a', 'b', 'c']);
    rows.splice(1, 1);
    expect(verifyChain(sha256, rows)?.index).toBe(1);
  });

  it('turns Java signed digest bytes into hex', () => {
    expect(bytesToHex([-70, 120, 22, -65])).toBe('ba7816bf');
  });
});
