/**
 * The Monday early warning (issue 14 §2): the leading indicators over the
 * Leads tab (and Deals, for amounts and velocity) with the Settings'
 * Marketing Sources, Conversion Window Days and Trend Alert; when anything
 * turned, one note to the CRO and the CMO, and to nobody else. A failure
 * throws, so the daily run reports it like any other step's.
 */
import {leadingIndicators} from '../domain/leads/indicators';
import {dealFacts, marketingSources, readLeads} from '../domain/leads/leads';
import {earlyWarningNote} from '../domain/leads/note';
import type {Settings} from '../domain/settings';
import {dayNumber} from '../domain/wall-clock';
import {plural} from '../domain/words';
import {DEALS, LEADS} from '../domain/workbook';
import type {ZoneClock} from './clock';
import {findTab, readTable} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The leading indicators of the last 12 weeks over Leads (and Deals), or undefined with no Leads tab. */
export function readIndicators(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: Date,
  clock: ZoneClock,
) {
  const leadsTab = findTab(spreadsheet, LEADS.name);
  if (!leadsTab) return undefined;
  const dealsTab = findTab(spreadsheet, DEALS.name);
  const read = (tab: typeof LEADS, sheet: typeof leadsTab) =>
    readTable(spreadsheet, tab, {sheet}).cells;
  const facts = dealFacts(dealsTab ? read(DEALS, dealsTab) : undefined, clock);
  const result = leadingIndicators({
    leads: readLeads(
      read(LEADS, leadsTab),
      clock,
      marketingSources(settings.marketingSources),
    ),
    dealAmounts: facts.amounts,
    deals: facts.deals,
    today: dayNumber(clock.wall(now)),
    weeks: 12,
    windowDays: settings.conversionWindowDays,
    trendAlert: settings.trendAlert,
  });
  return {result, note: facts.note};
}

/** What the early warning did, in one sentence. */
export function sendEarlyWarning(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: Date,
  clock: ZoneClock,
): string {
  const read = readIndicators(spreadsheet, settings, now, clock);
  if (!read) return 'Early warning not run: there is no Leads tab.';
  const {result, note: facts} = read;
  if (result.turned.length === 0)
    return 'Early warning: no leading indicator turned.';
  const to = [settings.croEmail, settings.cmoEmail].filter(e => e !== '');
  if (to.length === 0)
    throw new Error(
      `${plural(result.turned.length, 'leading indicator')} turned but the early warning has nobody to go to: enter CRO Email or CMO Email in the Settings tab.`,
    );
  const note = earlyWarningNote(result, facts, spreadsheet.getName());
  MailApp.sendEmail({
    to: [...new Set(to.map(e => e.toLowerCase()))].join(','),
    subject: note.subject,
    body: note.body,
    name: 'Trust Rebuild early warning',
  });
  return `Early warning sent to ${to.join(' and ')}: ${result.turned.map(t => t.indicator.toLowerCase()).join(', ')} turned.`;
}
