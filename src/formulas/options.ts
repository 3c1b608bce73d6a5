/** Options before the plan in cells: OPTIONS_RANK over the Options tab. */
import {isBlank, show, toFlag, toNumber, toText} from '../domain/cells';
import {locateColumns} from '../domain/headers';
import {InputError} from '../domain/input-error';
import {rankOptions, SCORE_MAX, SCORE_MIN} from '../domain/quarters/options';
import {asRows, guard, isGrid, type Arg} from './args';

const HEADERS = ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'] as const;

/**
 * The Options table (header row included) ranked: highest impact first, then
 * lowest effort, ties in the table's order; Chosen reads YES. Blank rows are left out.
 */
export function optionsRank(options: Arg) {
  return guard('OPTIONS_RANK', () => {
    if (!isGrid(options) || options.length === 0)
      throw new InputError(
        `options is ${show(options)}; pass the whole Options table with its header row, e.g. Options!A1:E`,
      );
    const [header, ...body] = asRows(options);
    const at = locateColumns(header, HEADERS);
    const missing = HEADERS.slice(0, 3).filter(h => at[h] < 0);
    if (missing.length > 0)
      throw new InputError(
        `missing header${missing.length > 1 ? 's' : ''} "${missing.join('", "')}"`,
      );
    const list = body.flatMap((cells, i) => {
      // An unticked Chosen box alone (Sheets' FALSE below the list) is an empty row.
      if (cells.every(v => v === false || isBlank(v))) return [];
      const cell = (h: (typeof HEADERS)[number]) =>
        at[h] < 0 ? '' : cells[at[h]];
      const score = (h: 'Impact' | 'Effort') => {
        const n = toNumber(cell(h));
        if (
          n === undefined ||
          !Number.isInteger(n) ||
          n < SCORE_MIN ||
          n > SCORE_MAX
        )
          throw new InputError(
            `${h} is ${show(cell(h))}, not a whole number from ${SCORE_MIN} to ${SCORE_MAX}`,
            i + 2,
          );
        return n;
      };
      const option = toText(cell('Option'));
      if (option === '')
        throw new InputError('Option is blank; name the option', i + 2);
      return [
        {
          option,
          impact: score('Impact'),
          effort: score('Effort'),
          owner: toText(cell('Owner')),
          chosen: toFlag(cell('Chosen')),
        },
      ];
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
  });
}
