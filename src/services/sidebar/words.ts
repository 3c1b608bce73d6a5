/**
 * The CRO's words of the week from the Grade view (issue 13 §5, §6): one
 * sentence per wrong call and the recommit update, one CRO Words row each
 * per week (updated in place), under the document lock. The tab is created
 * when first written, never by set-up. Every value goes through the table
 * layer, so a sentence starting with "=" stays text.
 */
import {addDays} from '../../domain/calendar';
import {toText} from '../../domain/cells';
import {parsePayload, SaveWordsSchema} from '../../domain/sidebar/schemas';
import {MAX_SENTENCE, type WriteResult} from '../../domain/sidebar/types';
import {DEAL_HISTORY, WORDS} from '../../domain/workbook';
import {localDates} from '../clock';
import {withDocumentLock} from '../lock';
import {activeSpreadsheet} from '../session';
import {checkWorkbookSettings} from '../settings';
import {headerNames, readTable, upsertRows} from '../tables';
import {sidebarWeek} from './calendar';
import {currentUser, refuse, weekMovedRefusal} from './refusal';

export interface SavedWords {
  words: Array<{dealId: string; words: string}>;
}

export function saveWords(payload: unknown): WriteResult<SavedWords> {
  const parsed = parsePayload(SaveWordsSchema(), payload);
  if (!parsed.ok) return parsed;
  const {words, weekEnding} = parsed.value;
  const long = words.findIndex(
    w => w.dealId && (w.words.length > MAX_SENTENCE || w.words.includes('\n')),
  );
  if (long >= 0)
    return refuse(
      `The sentence for ${words[long].dealId} is one sentence: one line of at most ${MAX_SENTENCE} characters.`,
      `words.${long}.words`,
    );
  const spreadsheet = activeSpreadsheet();
  return withDocumentLock((): WriteResult<SavedWords> => {
    const {settings} = checkWorkbookSettings(spreadsheet);
    const week = sidebarWeek(spreadsheet, settings);
    if (weekEnding !== week.weekEnding)
      return weekMovedRefusal(
        weekEnding,
        week.weekEnding,
        "write this week's words",
      );
    // A wrong call is one of last week's Commit deals, as the Monday slip check recorded them.
    if (words.some(w => w.dealId)) {
      const local = localDates(week.clock);
      const lastWeek = addDays(weekEnding, -7);
      const committed = new Set(
        readTable(spreadsheet, DEAL_HISTORY)
          .rows.filter(r => local(r.record['Week Ending']) === lastWeek)
          .map(r => toText(r.record['Deal ID'])),
      );
      const i = words.findIndex(w => w.dealId && !committed.has(w.dealId));
      if (i >= 0)
        return refuse(
          `${words[i].dealId} was not a Commit deal last week (Deal History), so it is not one of this week's wrong calls. Reload the sidebar.`,
          `words.${i}.dealId`,
        );
    }
    if (!spreadsheet.getSheetByName(WORDS.name)) {
      const sheet = spreadsheet.insertSheet(WORDS.name);
      const headers = headerNames(WORDS);
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
      sheet.setFrozenRows(1);
    }
    const at = new Date();
    const by = currentUser();
    upsertRows(
      spreadsheet,
      WORDS,
      ['Week Ending', 'Kind', 'Deal ID'],
      words.map(w => ({
        'Week Ending': week.clock.midnight(weekEnding),
        Kind: w.dealId ? 'wrong call' : 'recommit',
        'Deal ID': w.dealId,
        Words: w.words,
        'Written By': by,
        'Written At': at,
      })),
    );
    return {ok: true, value: {words}};
  });
}
