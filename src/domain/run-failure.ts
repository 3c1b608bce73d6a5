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

export interface FailureNotice {
  cause: FailureCause;
  subject: string;
  /** The plain-text body's fields, for src/templates/run-failure.html (its prose stays out of Code.js). */
  fields: Record<string, string>;
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
    fields: {...input, cause},
  };
}

/** The email to a user whose grant no longer covers what the add-on needs (after an update added a scope). */
export function reauthorisationNotice(input: {
  spreadsheetName: string;
  authorizationUrl: string;
}): Omit<FailureNotice, 'cause'> {
  return {
    subject: `Trust Rebuild needs your permission again for "${input.spreadsheetName}"`,
    fields: {...input, cause: 'reauthorise'},
  };
}
