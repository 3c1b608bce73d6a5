/**
 * The defensible commit (issue 13 §1): of the Commit deals, those that pass
 * the qualification gate and show fewer than two slip signals. Built from
 * the gate's and the signals' own verdicts, so it always agrees with
 * GATE_CHECK and SLIP_SIGNALS; a Best Case deal that passes the gate is upside.
 */
import type {Deal} from '../deals';
import {evaluateGate} from '../gate';
import {firingSignals, isFlagged, type SignalContext} from '../signals';

export interface DealCall {
  /** Counted in the defensible commit. */
  defensible: boolean;
  /** A Best Case deal that passes the gate. */
  upside: boolean;
  /** Why a deal is not defensible, in words; "" when it is. */
  whyNot: string;
}

/** Judges a Commit or Best Case deal at context.asOf. */
export function judgeDeal(
  deal: Deal,
  context: SignalContext,
  ebDays: number,
): DealCall {
  const gate = evaluateGate(deal, context.asOf, ebDays);
  const fired = firingSignals(deal, context);
  const commit = deal.category === 'Commit';
  const flagged = isFlagged(fired);
  const why: string[] = commit ? [] : ['Best Case, not Commit'];
  if (!gate.passes) why.push(`fails the gate: ${gate.missing.join(', ')}`);
  if (flagged) why.push(`${fired.length} slip signals: ${fired.join(', ')}`);
  return {
    defensible: commit && gate.passes && !flagged,
    upside: !commit && gate.passes,
    whyNot: why.join('; '),
  };
}
