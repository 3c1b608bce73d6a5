/**
 * Money in the spreadsheet's currency, written the way its locale writes
 * amounts: "$2,050,000" in en_US, "2.050.000 €" in de_DE. A compact table
 * instead of Intl: Apps Script's Intl data is not something to lean on at
 * module scope, and a dozen locales cover the teams we know of.
 *
 * getSpreadsheetLocale() returns codes such as "en_US" or "de_DE", sometimes
 * a bare language ("fr"); see the Sheets API's SpreadsheetProperties.locale
 * ("an ISO 639-1 language code such as en … or a combination … such as en_US")
 * and pffy/ramen, an add-on keyed by that method's codes.
 */

/** How one locale writes an amount. `pattern`: '¤n' symbol first, '¤ n' with a space, 'n ¤' after. */
interface LocaleMoney {
  currency: string;
  /** The symbol of the locale's own currency as written there ("$" for AUD in en_AU). */
  symbol: string;
  group: string;
  decimal: string;
  pattern: '¤n' | '¤ n' | 'n ¤';
  /** Indian grouping: 20,50,000. */
  lakh?: true;
}

/**
 * locale currency symbol group+decimal pattern (0: ¤n, 1: ¤ n, 2: n ¤), as
 * one string to keep the bundle small; in separators "_" is a space and "^"
 * a narrow no-break space (French). en_IN groups by lakh (20,50,000).
 */
const TABLE =
  'en_US USD $ ,. 0|en_GB GBP £ ,. 0|en_IE EUR € ,. 0|en_AU AUD $ ,. 0|' +
  'en_CA CAD $ ,. 0|en_NZ NZD $ ,. 0|en_SG SGD $ ,. 0|en_IN INR ₹ ,. 0|' +
  'de_DE EUR € ., 2|de_AT EUR € _, 1|de_CH CHF CHF ’. 1|fr_FR EUR € ^, 2|' +
  'fr_BE EUR € ^, 2|fr_CA CAD $ _, 2|es_ES EUR € ., 2|es_MX MXN $ ,. 0|' +
  'it_IT EUR € ., 2|nl_NL EUR € ., 1|pt_BR BRL R$ ., 1|pt_PT EUR € _, 2|' +
  'sv_SE SEK kr _, 2|pl_PL PLN zł _, 2|ja_JP JPY ¥ ,. 0|zh_CN CNY ¥ ,. 0|' +
  'ko_KR KRW ₩ ,. 0';
const PATTERNS = ['¤n', '¤ n', 'n ¤'] as const;

/** One locale's entry of TABLE, parsed when asked for (never at load). */
function lookup(code: string): LocaleMoney | undefined {
  const row = TABLE.split('|').find(r => r.startsWith(`${code} `));
  if (!row) return undefined;
  const [, currency, symbol, seps, pattern] = row.split(' ');
  const sep = (c: string) => (c === '_' ? ' ' : c === '^' ? '\u202f' : c);
  return {
    currency,
    symbol,
    group: sep(seps[0]),
    decimal: seps[1],
    pattern: PATTERNS[Number(pattern)],
    ...(code === 'en_IN' ? {lakh: true as const} : {}),
  };
}

/** A bare language code means its main country. */
const LANGUAGES =
  'en_US de_DE fr_FR es_ES it_IT nl_NL pt_BR sv_SE pl_PL ja_JP zh_CN ko_KR';

/** Symbols of currencies written outside their home locale. */
const SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  AUD: 'A$',
  CAD: 'CA$',
  NZD: 'NZ$',
  SGD: 'S$',
  MXN: 'MX$',
  BRL: 'R$',
  CNY: 'CN¥',
  KRW: '₩',
  SEK: 'kr',
  PLN: 'zł',
};

export interface MoneyFormat {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  symbol: string;
  group: string;
  decimal: string;
  pattern: LocaleMoney['pattern'];
  lakh?: true;
  /** The locale these separators come from, for messages ("de_DE"). */
  locale: string;
}

function localeMoney(locale: string): {code: string; money: LocaleMoney} {
  const code = locale.replace('-', '_') || 'en_US';
  const language = code.split('_')[0];
  const main = LANGUAGES.split(' ').find(l => l.startsWith(`${language}_`));
  const known = lookup(code) ?? (main && lookup(main));
  return {code, money: known || lookup('en_US')!};
}

/** The currency a locale uses ("EUR" for de_DE); USD when the locale is not in the table. */
export function localeCurrency(locale: string): string {
  return localeMoney(locale).money.currency;
}

/** True for a three-letter ISO 4217 code. */
export const isCurrencyCode = (text: string) => /^[A-Z]{3}$/.test(text);

/** How `currency` is written in `locale`: the locale's separators and symbol position. */
export function moneyFormat(locale: string, currency?: string): MoneyFormat {
  const {code, money} = localeMoney(locale);
  const cur = currency || money.currency;
  const symbol = cur === money.currency ? money.symbol : (SYMBOLS[cur] ?? cur);
  return {...money, currency: cur, symbol, locale: code};
}

/** The format the add-on used before it knew of locales: US dollars (built on use, not at load). */
export const usDollars = (): MoneyFormat => moneyFormat('en_US');

function grouped(digits: string, f: MoneyFormat): string {
  const head = f.lakh && digits.length > 3 ? digits.slice(0, -3) : digits;
  const size = f.lakh && digits.length > 3 ? 2 : 3;
  const parts: string[] = [];
  for (let end = head.length; end > 0; end -= size)
    parts.unshift(head.slice(Math.max(0, end - size), end));
  const tail = head === digits ? [] : [digits.slice(-3)];
  return [...parts, ...tail].join(f.group);
}

/**
 * An amount as the locale writes it, in whole units unless `decimals` says
 * otherwise: formatMoney(2050000, de_DE) is "2.050.000 €"; '' reads "—".
 */
export function formatMoney(
  amount: number | '',
  f: MoneyFormat,
  decimals = 0,
): string {
  if (amount === '') return '—';
  const [whole, fraction] = Math.abs(amount).toFixed(decimals).split('.');
  const n = grouped(whole, f) + (fraction ? f.decimal + fraction : '');
  const sign = amount < 0 && Number(n.replace(/\D/g, '')) !== 0 ? '-' : '';
  const s = f.symbol;
  const body =
    f.pattern === '¤n'
      ? s + n
      : f.pattern === '¤ n'
        ? `${s} ${n}`
        : `${n} ${s}`;
  return sign + body;
}

// ------------------------------------------------------------- reading

export type AmountReading =
  {ok: true; value: number | ''} | {ok: false; why: string};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACES = /[\s\u00a0\u202f]/g;
const isSpace = (s: string) => /^[\s\u00a0\u202f]$/.test(s);

/**
 * An amount cell read the way the spreadsheet's locale writes amounts: a
 * number as it is; text such as "1.200,50 €" in de_DE or "$1,200.50" in
 * en_US. Text is refused, with the reason, when the locale would not write
 * it so ("1,200.50" in de_DE) or when it reads two ways: the locale's
 * decimal separator followed by exactly three digits ("1,200" in de_DE
 * could be 1,2 or 1.200, since money has two decimals and a foreigner's
 * thousands have three).
 */
export function readAmount(value: unknown, f: MoneyFormat): AmountReading {
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? {ok: true, value}
      : {ok: false, why: 'not a number'};
  if (value === '' || value === null || value === undefined)
    return {ok: true, value: ''};
  if (typeof value !== 'string') return {ok: false, why: 'not an amount'};
  let text = value.trim();
  if (text === '') return {ok: true, value: ''};
  const negative = /^\(.*\)$/.test(text) || /^[-−]|[-−]$/.test(text);
  text = text.replace(/^\(|\)$|^[-−]|[-−]$/g, '');
  for (const mark of [f.symbol, f.currency, ...Object.values(SYMBOLS)])
    text = text.replace(new RegExp(`^${escape(mark)}|${escape(mark)}$`), '');
  text = text.replace(/^[-−]/, '');
  const scale = /([kKmM])$/.exec(text.trim());
  if (scale) text = text.trim().slice(0, -1);
  const group = isSpace(f.group) ? '' : f.group;
  text = text.replace(SPACES, '');
  const g = escape(group);
  const d = escape(f.decimal);
  const locale = new RegExp(
    `^(\\d{1,3}(${g || '(?!)'}\\d{${f.lakh ? '2,3' : '3'}})+|\\d+)(${d}\\d+)?$`,
  );
  if (!/\d/.test(text) || !locale.test(text))
    return {
      ok: false,
      // The example is formatted only for a refusal, not for every amount read.
      why: `not an amount as this spreadsheet's locale (${f.locale}) writes it; write it as ${formatMoney(1234.56, f, 2)} or as a number`,
    };
  const parts = text.split(f.decimal);
  if (
    parts.length === 2 &&
    /^\d{3}$/.test(parts[1]) &&
    !parts[0].includes(group || '\0')
  ) {
    const asGroup = formatMoney(Number(parts[0] + parts[1]), f);
    const asDecimal = formatMoney(Number(`${parts[0]}.${parts[1]}`), f, 2);
    return {
      ok: false,
      why: `could be ${asDecimal} or ${asGroup} (${f.locale} writes ${f.decimal} before the cents); write the amount with its cents or without the separator`,
    };
  }
  const plain =
    (group ? parts[0].split(group).join('') : parts[0]) +
    (parts.length === 2 ? `.${parts[1]}` : '');
  let n = Number(plain);
  if (scale) n *= scale[1].toLowerCase() === 'k' ? 1e3 : 1e6;
  return {ok: true, value: negative ? -n : n};
}
