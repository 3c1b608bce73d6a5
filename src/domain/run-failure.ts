/**
 * A scheduled run that failed, told to a person: Apps Script sends no
 * failure email for an add-on's triggers ("Triggers for Editor add-ons"), so
 * the add-on emails its installer and the CRO, at most once a day per cause,
 * saying what failed and what to do. Pure: the service sends it.
 */

export type FailureCause =
  'settings' | 'keeper' | 'lock' | 'spreadsheet' | 'authorisation' | 'service';

/** Which kind of failure a message is, so the same cause is emailed once a day whatever its details. */
export function causeOf(message: string): FailureCause {
  if (/keepers? of the record|protected cell or object/i.test(message))
    return 'keeper';
  if (/did not finish within|lock timeout/i.test(message)) return 'lock';
  if (/^Settings:|"Settings" tab/.test(message)) return 'settings';
  if (/openById|spreadsheet .*could not be opened/i.test(message))
    return 'spreadsheet';
  if (/permission to call|authori[sz]/i.test(message)) return 'authorisation';
  return 'service';
}

const ADVICE: Record<FailureCause, string> = {
  settings:
    'Fix the setting named above in the Settings tab (Extensions › Trust Rebuild › Settings help shows each one), then take the snapshot from the menu if today was the Scorecard Day.',
  keeper:
    'The person the schedule runs as must be a keeper of the record: add them to the "Record Keepers" setting and have a keeper run Extensions › Trust Rebuild › Set up workbook.',
  lock: "Someone else was changing the workbook for too long. Nothing was written; a missed snapshot is taken by the next day's run, or take it now from the menu.",
  spreadsheet:
    'The schedule could not open its spreadsheet (deleted, moved, or your access removed). Open the spreadsheet and schedule it again, or stop the schedule.',
  authorisation:
    'Open the spreadsheet and use any Extensions › Trust Rebuild menu item to grant the add-on its permissions again, then schedule it again.',
  service:
    "A Google service failed. The next day's run takes a missed snapshot; if this repeats, take the snapshot from the menu and look at the Delivery Log.",
};

export interface FailureNotice {
  cause: FailureCause;
  subject: string;
  body: string;
}

/** The email to the installer and the CRO: what failed, and what to do. Plain text only. */
export function failureNotice(input: {
  message: string;
  spreadsheetName: string;
  spreadsheetUrl: string;
  when: string;
  runsAs: string;
}): FailureNotice {
  const cause = causeOf(input.message);
  return {
    cause,
    subject: `Trust Rebuild: the scheduled run for "${input.spreadsheetName}" failed`,
    body: [
      `The scheduled run of ${input.when} (as ${input.runsAs}) for "${input.spreadsheetName}" failed.`,
      '',
      `What failed: ${input.message}`,
      '',
      `What to do: ${ADVICE[cause]}`,
      '',
      input.spreadsheetUrl,
      '',
      'You get this at most once a day for the same cause. Apps Script sends no failure email of its own for an add-on.',
    ].join('\n'),
  };
}

/** The email to a user whose grant no longer covers what the add-on needs (after an update added a scope). */
export function reauthorisationNotice(input: {
  spreadsheetName: string;
  authorizationUrl: string;
}): {subject: string; body: string} {
  return {
    subject: `Trust Rebuild needs your permission again for "${input.spreadsheetName}"`,
    body: [
      `The weekly schedule for "${input.spreadsheetName}" did not run: the add-on needs permissions you have not granted yet.`,
      '',
      `Open this link and allow them: ${input.authorizationUrl}`,
      '',
      "Nothing was recorded or emailed to the CFO until you do; a missed snapshot is taken by the next day's run.",
    ].join('\n'),
  };
}
