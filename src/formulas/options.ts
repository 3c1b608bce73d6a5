/** Options before the plan in cells: OPTIONS_RANK over the Options tab. */
import {isBlank, show, toFlag, toNumber, toText} from '../domain/cells';
import {locateColumns} from '../domain/headers';
import {InputError} from '../domain/input-error';
import {rankOptions, type OptionRow} from '../domain/quarters/options';
import {asRows, guard, isGrid, type Arg} from './args';

const HEADERS = ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'] as const;

/**
 * The Options table (header row included) ranked: highest impact first, then
 * lowest effort, ties in the table's order; Chosen reads YES. Blank rows are left out.
 */
export function optionsRank(options: Arg) {
  return guard('OPTIONS_RANK', () => {
    const [header, ...body] = isGrid(options) ? asRows(options) : [[]];
    const at = locateColumns(header ?? [], HEADERS);
    const missing = HEADERS.slice(0, 3).filter(h => at[h] < 0);
    if (missing.length > 0)
      throw new InputError(
        `no column "${missing.join('", "')}"; pass the Options table with its header row`,
      );
    const rows: OptionRow[] = [];
    body.forEach((cells, i) => {
      // An unticked Chosen box alone (Sheets' FALSE below the list) is an empty row.
      if (cells.every(v => v === false || isBlank(v))) return;
      const cell = (h: (typeof HEADERS)[number]) =>
        at[h] < 0 ? '' : cells[at[h]];
      const refuse = (what: string) => {
        throw new InputError(what, i + 2);
      };
      const score = (h: 'Impact' | 'Effort') => {
        const n = toNumber(cell(h)) ?? NaN;
        // 1 to 5, whole (NaN fails every comparison).
        return n >= 1 && n <= 5 && n % 1 === 0
          ? n
          : refuse(`${h} is ${show(cell(h))}, not a whole number from 1 to 5`);
      };
      rows.push([
        toText(cell('Option')) || refuse('Option is blank; name the option'),
        score('Impact'),
        score('Effort'),
        toText(cell('Owner')),
        toFlag(cell('Chosen')) ? 'YES' : '',
      ]);
    });
    return [[...HEADERS], ...rankOptions(rows)];
  });
}
