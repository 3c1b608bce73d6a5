/**
 * The field checks' own script: a developer's tool, built apart from the
 * add-on (dist-field-checks/Code.js) so the add-on's Code.js, parsed before
 * every custom-function call, does not carry it. Paste it into a scratch
 * spreadsheet's Apps Script editor and run runFieldChecks (README: Deploy).
 */
import {runChecks} from './checks';

/**
 * Checks, in this spreadsheet, the Apps Script behaviours the add-on relies on
 * that no local test can confirm (README: Apps Script assumptions). Run it
 * from the Apps Script editor: it logs one PASS or FAIL line per check and
 * cleans up what it wrote.
 * @return {Object} {passed, failed, lines}
 */
export function runFieldChecks() {
  return runChecks();
}
