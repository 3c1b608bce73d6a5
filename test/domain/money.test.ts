/**
 * Money in the spreadsheet's currency, written and read the way its locale
 * writes amounts (getSpreadsheetLocale(): "en_US", "de_DE", or a bare "fr").
 */
import {
  formatMoney,
  localeCurrency,
  moneyFormat,
  readAmount,
} from '../../src/domain/money';

describe('formatMoney', () => {
  it.each([
    ['en_US', '$2,050,000'],
    ['en_GB', '£2,050,000'],
    ['de_DE', '2.050.000 €'],
    ['fr_FR', '2\u202f050\u202f000 €'],
    ['es_ES', '2.050.000 €'],
    ['it_IT', '2.050.000 €'],
    ['nl_NL', '€ 2.050.000'],
    ['pt_BR', 'R$ 2.050.000'],
    ['ja_JP', '¥2,050,000'],
    ['en_IN', '₹20,50,000'],
    ['en_AU', '$2,050,000'],
  ])('writes 2,050,000 in %s as %s', (locale, text) => {
    expect(formatMoney(2_050_000, moneyFormat(locale))).toBe(text);
  });

  it('keeps the locale’s separators for another currency, and its cents when asked', () => {
    expect(formatMoney(-1200.5, moneyFormat('de_DE', 'USD'), 2)).toBe(
      '-1.200,50 $',
    );
    expect(formatMoney(1200, moneyFormat('en_US', 'EUR'))).toBe('€1,200');
    expect(formatMoney('', moneyFormat('en_US'))).toBe('—');
  });

  it('takes the currency of a bare language or an unknown locale', () => {
    expect(localeCurrency('de')).toBe('EUR');
    expect(localeCurrency('de-DE')).toBe('EUR');
    expect(localeCurrency('xx_YY')).toBe('USD');
  });
});

describe('readAmount', () => {
  const de = moneyFormat('de_DE');
  const us = moneyFormat('en_US');
  const value = (text: unknown, f = de) => {
    const r = readAmount(text, f);
    return r.ok ? r.value : r.why;
  };

  it('reads text typed the locale’s way', () => {
    expect(value('1.200,50 €')).toBe(1200.5);
    expect(value('2.050.000')).toBe(2_050_000);
    expect(value('-1.200 €')).toBe(-1200);
    expect(value('1,5')).toBe(1.5);
    expect(value('$1,200.50', us)).toBe(1200.5);
    expect(value('(500)', us)).toBe(-500);
    expect(value('1.5M', us)).toBe(1_500_000);
    expect(value('1 200,50 €', moneyFormat('fr_FR'))).toBe(1200.5);
    expect(value(1234)).toBe(1234);
    expect(value('')).toBe('');
  });

  it('refuses an amount that reads two ways, saying both', () => {
    expect(value('1,200')).toBe(
      'could be 1,20 € or 1.200 € (de_DE writes , before the cents); write the amount with its cents or without the separator',
    );
    expect(value('1.200', us)).toMatch(/^could be \$1\.20 or \$1,200/);
  });

  it('refuses an amount the locale would not write, with an example', () => {
    expect(value('1,200.50')).toBe(
      "not an amount as this spreadsheet's locale (de_DE) writes it; write it as 1.234,56 € or as a number",
    );
    expect(value('1.2.3')).toMatch(/^not an amount/);
    expect(value('n/a')).toMatch(/^not an amount/);
  });
});
