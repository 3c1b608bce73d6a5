/**
 * The quarterly partner scorecard (issue 14 §5): once a Quarters row has its
 * Actual, the next scheduled run emails each partner their own copy (one
 * address per email: no partner sees another's). Each (quarter, partner) is
 * a delivery of its own in the Delivery Log, keyed by "Partner scorecard
 * <quarter> to <address>" in its Chain column, and goes through the CFO
 * email's rules (dueDeliveries): claimed under the lock, retried once a day
 * when it fails, given up after 7 days, never sent twice.
 */
import {toNumber, toText} from '../../domain/cells';
import {dueDeliveries, deliveryLine} from '../../domain/delivery-log';
import {formatMoney} from '../../domain/money';
import {quarterScorecard} from '../../domain/quarters/scorecard';
import {formatPercent} from '../../domain/status';
import {DELIVERY_LOG, QUARTERS} from '../../domain/workbook';
import {giveUp, line, readDeliveryLog, type Sender} from '../delivery';
import {fail} from '../../domain/deals';
import {LOCK_WAIT_MS, withDocumentLock} from '../lock';
import {appendToTable, findTab, readTable, readingTable} from '../tables';
import {render} from '../templates';

/** What the run did for the partners, in one sentence ('' when nothing was owed). */
export function deliverToPartners(sender: Sender, now: Date): string {
  const {spreadsheet, settings, clock} = sender;
  const quartersTab = findTab(spreadsheet, QUARTERS.name);
  const logTab = findTab(spreadsheet, DELIVERY_LOG.name);
  // Each partner once, whatever the case or repetition in the setting.
  const partners = [
    ...new Set(settings.partnerEmails.map(e => e.toLowerCase())),
  ];
  if (!partners.length || !quartersTab || !logTab) return '';
  const claimed = withDocumentLock(() => {
    const log = readDeliveryLog(spreadsheet, logTab);
    // Without the Chain column a partner's delivery could not be told apart: set-up adds it.
    if (log.columns['Chain'] < 0)
      throw new Error(
        'The Delivery Log has no Chain column, so partner scorecards cannot be logged: run Extensions › Trust Rebuild › Set up workbook.',
      );
    const records = readTable(spreadsheet, QUARTERS, {sheet: quartersTab}).rows;
    // A quarter with its Actual goes out with its Commit: one that cannot be read is named, never claimed without it.
    const keys = readingTable(QUARTERS, () =>
      records
        .filter(r => toNumber(r.record['Actual']) !== undefined)
        .flatMap(({record, rowNumber}) => {
          if (!toNumber(record['Commit']))
            fail('Commit', record['Commit'], 'an amount', rowNumber);
          return partners.map(to => {
            const chain = `Partner scorecard ${toText(record['Quarter'])} to ${to}`;
            return {
              rowNumber: 0,
              weekEndingCell: '',
              weekEnding: chain,
              chain,
              to,
            };
          });
        }),
    );
    const due = dueDeliveries(
      log.rows.map(r => deliveryLine(r.record)),
      keys,
      {now, localDate: clock.localDate, owed: true},
    ).map(d => ({...d, to: keys.find(k => k.chain === d.row.chain)!.to}));
    appendToTable(
      log,
      due.map(d =>
        line(log, now, d.row, {
          Recipients: d.to,
          Status: 'sending',
          Detail: 'claimed: the partner scorecard',
        }),
      ),
    );
    return {log, due, records};
  });
  if (!claimed.due.length) return '';
  const {quarters, streak} = quarterScorecard(
    claimed.records.map(r => r.record),
  );
  const money = (n: number) => formatMoney(n, settings.currency);
  // Only the Quarters tab's figures and the disciplines: no deal, account, rep or note reaches a partner.
  const vars = {
    quarters: quarters.map(q => [
      q.quarter,
      money(q.commit),
      money(q.actual),
      formatPercent(q.variance),
    ]),
    streak,
    scorecardDay: settings.scorecardDay,
  };
  const html = render('partner-email', {...vars, text: false});
  const body = render('partner-email', {...vars, text: true}).trim();
  const newest = quarters[quarters.length - 1]?.quarter;
  // Several quarters owed to one partner at once (the first run): one email says them all.
  const lines = partners.flatMap(address => {
    const owed = claimed.due.filter(d => d.to === address);
    if (!owed.length) return [];
    let status = 'sent';
    let detail = `the partner scorecard sent to ${address}`;
    try {
      MailApp.sendEmail({
        to: address,
        subject: `Forecast accuracy scorecard: ${newest}`,
        body,
        htmlBody: html,
        name: 'Trust Rebuild scorecard',
        ...(settings.croEmail ? {replyTo: settings.croEmail} : {}),
      });
    } catch (err) {
      status = 'failed';
      detail = (err as Error).message;
    }
    const at = new Date();
    const fields = {Recipients: address, Status: status, Detail: detail};
    // The retries are over: the CRO is told once for the partner, as for the CFO's week.
    const over = status === 'failed' && owed.filter(d => d.giveUpIfFails);
    const told =
      over && over.length
        ? giveUp(sender, `the partner scorecard did not reach ${address}`, {
            partner: address,
            quarters: over
              .map(d => d.row.chain.replace(/^Partner scorecard | to .*$/g, ''))
              .join(', '),
            since: over[0].since,
            failure: detail,
          })
        : '';
    return owed.flatMap(d => [
      line(claimed.log, at, d.row, fields),
      ...(over && over.includes(d)
        ? [
            line(claimed.log, at, d.row, {
              ...fields,
              Status: 'gave up',
              Detail: told,
            }),
          ]
        : []),
    ]);
  });
  try {
    withDocumentLock(() => appendToTable(claimed.log, lines), 4 * LOCK_WAIT_MS);
  } catch {
    /* the claim without outcome is the record: never sent again */
  }
  const failed = lines.filter(l => l['Status'] === 'failed').length;
  return `Partner scorecards: ${claimed.due.length - failed} sent, ${failed} failed (see the Delivery Log).`;
}
