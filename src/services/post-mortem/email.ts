/**
 * Menu: Email me the draft. The latest draft on the Post-Mortem tab (its
 * rightmost column titled "… Post-Mortem"), as the CRO left it, to the person
 * running the menu item (the CRO Email when Google does not say who that is),
 * as a PDF: one read of the tab, the shared PDF and note code, every cell
 * escaped in the PDF by its template.
 */
import {toText} from '../../domain/cells';
import {requireSetting} from '../../domain/settings';
import {currentUser} from '../session';
import {readSettings} from '../settings';
import {dataOf} from '../tables';
import {pdf, sendNote} from '../templates';
import {POST_MORTEM_TAB} from './draft';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function emailPostMortem(ss: Spreadsheet): string {
  const sheet = ss.getSheetByName(POST_MORTEM_TAB);
  const cells = sheet ? dataOf(sheet) : [[]];
  let column = cells[0].length;
  while (column-- > 0 && !/Post-Mortem$/i.test(toText(cells[0][column])));
  if (column < 0)
    throw new Error(
      `No draft on the ${POST_MORTEM_TAB} tab: run Draft the post-mortem first.`,
    );
  const [title, ...paragraphs] = cells
    .map(r => toText(r[column]))
    .filter(p => p);
  const to = currentUser() || requireSetting(readSettings(ss), 'croEmail');
  const vars = {title, paragraphs};
  sendNote([to], title, 'post-mortem-note', vars, undefined, [
    pdf('post-mortem-pdf', vars, `${title}.pdf`),
  ]);
  return `${title} sent to ${to} as a PDF.`;
}
