/** Options before the plan in cells: OPTIONS_RANK over the Options tab. */
import {isBlank, show, toFlag, toNumber, toText} from '../domain/cells';
import {locateColumns} from '../domain/headers';
import {
  rankOptions,
  SCORE_MAX,
  SCORE_MIN,
  type Option,
} from '../domain/quarters/options';
import {asRows, formulaError, guard, isGrid, type Arg} from './args';

const HEADERS = ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'] as const;

/**
 * The Options table (header row included) ranked: highest impact first, then
 * lowest effort, ties in the table's order; Chosen reads YES. Blank rows are left out.
 */
export function optionsRank(options: Arg) {
  const fn = 'OPTIONS_RANK';
  if (!isGrid(options) || options.length === 0) {
    throw formulaError(
      fn,
      `options is ${show(options)}; pass the whole Options table with its header row, e.g. Options!A1:E`,
    );
  }
  const [header, ...body] = asRows(options);
  // Header matching may refuse an ambiguous header row; its InputError reads as this function's.
  const at = guard(fn, () => locateColumns(header, HEADERS));
  const missing = HEADERS.slice(0, 3).filter(h => at[h] < 0);
  if (missing.length > 0) {
    throw formulaError(
      fn,
      `missing header${missing.length > 1 ? 's' : ''} ${missing.map(h => `"${h}"`).join(', ')}`,
    );
  }
  const cell = (cells: unknown[], h: (typeof HEADERS)[number]) =>
    at[h] < 0 ? '' : cells[at[h]];
  const list: Option[] = [];
  body.forEach((cells, i) => {
    // An unticked Chosen box alone (Sheets' FALSE below the list) is an empty row.
    if (cells.every(v => v === false || isBlank(v))) return;
    const row = i + 2;
    const score = (h: 'Impact' | 'Effort') => {
      const n = toNumber(cell(cells, h));
      if (
        n === undefined ||
        !Number.isInteger(n) ||
        n < SCORE_MIN ||
        n > SCORE_MAX
      ) {
        throw formulaError(
          fn,
          `${h} is ${show(cell(cells, h))}, not a whole number from ${SCORE_MIN} to ${SCORE_MAX}`,
          row,
        );
      }
      return n;
    };
    const option = toText(cell(cells, 'Option'));
    if (option === '') {
      throw formulaError(fn, 'Option is blank; name the option', row);
    }
    list.push({
      option,
      impact: score('Impact'),
      effort: score('Effort'),
      owner: toText(cell(cells, 'Owner')),
      chosen: toFlag(cell(cells, 'Chosen')),
    });
  });
  return [
    [...HEADERS],
    ...rankOptions(list).map(o => [
      o.option,
      o.impact,
      o.effort,
      o.owner,
      o.chosen ? 'YES' : '',
    ]),
  ];
}
