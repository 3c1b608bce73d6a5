/** The post-mortem's menu items: the active spreadsheet, and an alert saying what happened or what to fix. */
import {reportToUser} from '../record-actions';
import {activeSpreadsheet} from '../session';
import {draftPostMortem} from './draft';
import {emailPostMortem} from './email';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const item =
  (work: (ss: Spreadsheet) => string, done: string, failed: string) => () =>
    reportToUser(
      () => work(activeSpreadsheet()),
      m => [done, m],
      failed,
    );

export const draftFromMenu = item(
  ss => draftPostMortem(ss, new Date()),
  'Post-mortem drafted',
  'Post-mortem not drafted',
);

export const emailFromMenu = item(
  emailPostMortem,
  'Draft sent',
  'Draft not sent',
);
