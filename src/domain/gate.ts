/**
 * The qualification gate of docs/playbook.md: a committed deal passes only with
 * all eight MEDDPICC elements documented, a named economic buyer who signed
 * off within the last EB-confirmation days, and a paper-process map. A
 * failing deal lists what it lacks, in the words a rep acts on.
 */
import type {Deal} from './deals';
import {dayNumber, isoDay, type WallTime} from './wall-clock';
import {MEDDPICC} from './workbook';

/** Settings default: EB Confirmation Days. */
export const EB_CONFIRMATION_DAYS = 14;

export type GateInput = Pick<
  Deal,
  'meddpicc' | 'economicBuyerName' | 'ebConfirmedOn' | 'paperProcessMap'
>;

export interface GateResult {
  passes: boolean;
  /** What the deal lacks, in order: MEDDPICC elements, economic buyer, paper-process map. */
  missing: string[];
}

/** Evaluates the gate on the day of `asOf` (calendar days of the spreadsheet's zone). */
export function evaluateGate(
  deal: GateInput,
  asOf: WallTime,
  ebDays: number = EB_CONFIRMATION_DAYS,
): GateResult {
  const missing: string[] = [];
  for (const element of MEDDPICC) {
    if (!deal.meddpicc[element]) missing.push(element);
  }
  if (deal.economicBuyerName === '') missing.push('Economic Buyer name');
  if (deal.ebConfirmedOn === undefined) {
    missing.push('EB confirmation');
  } else {
    const age = dayNumber(asOf) - dayNumber(deal.ebConfirmedOn);
    if (age > ebDays) {
      missing.push(
        `EB confirmation older than ${ebDays} day${ebDays === 1 ? '' : 's'}`,
      );
    } else if (age < 0) {
      // Not yet given on the day of evaluation (or a mistyped date).
      missing.push(`EB confirmation dated after ${isoDay(asOf)}`);
    }
  }
  if (!deal.paperProcessMap) missing.push('paper-process map');
  return {passes: missing.length === 0, missing};
}

/** "PASS", or "FAIL: " and what is missing. */
export function gateVerdict(result: GateResult): string {
  return result.passes ? 'PASS' : `FAIL: ${result.missing.join(', ')}`;
}
