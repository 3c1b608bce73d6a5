/**
 * The weekly part as the CFO email, the handout and the sidebar show it:
 * the quarter's re-inflation warning, the wrong calls named first, the
 * recommit update and the dual scorecard, as text (each template escapes it).
 */
import {formatMoney, type MoneyFormat} from '../money';
import type {WeekRecord} from '../scorecard-record';
import {formatPercent} from '../status';

export interface DualView {
  committed: string;
  adjusted: string;
  variance: string;
  adjustedVariance: string;
  /** Between original and adjusted, in money and in percentage points. */
  commitGap: string;
  varianceGap: string;
}

export function weeklyView(record: WeekRecord, money: MoneyFormat) {
  const {adjustedCommitted: adjusted = '', committed, variance} = record;
  const av = record.adjustedVariance ?? '';
  const dual: DualView | undefined =
    adjusted === ''
      ? undefined
      : {
          committed: formatMoney(committed, money),
          adjusted: formatMoney(adjusted, money),
          variance: formatPercent(variance),
          adjustedVariance: formatPercent(av),
          commitGap: formatMoney(
            committed === '' ? '' : Math.abs(committed - adjusted),
            money,
          ),
          varianceGap:
            variance === '' || av === ''
              ? '—'
              : `${formatPercent(Math.abs(variance - av)).slice(0, -1)} points`,
        };
  return {
    warning: record.warning ?? '',
    wrongCalls: record.wrongCalls ?? [],
    recommit: record.recommit ?? '',
    dual,
  };
}
