/**
 * The defensible commit (issue 13 §1): of the Commit deals, those that pass
 * the qualification gate and show fewer than two slip signals. Built from
 * the gate's and the signals' own verdicts, so it always agrees with
 * GATE_CHECK and SLIP_SIGNALS; a Best Case deal that passes the gate is upside.
 */
import type {Deal} from '../deals';
import {evaluateGate, type GateInput} from '../gate';
import {isFlagged, type SignalContext, type SlipSignal} from '../signals';

export interface DealCall {
  /** Counted in the defensible commit. */
  defensible: boolean;
  /** A Best Case deal that passes the gate. */
  upside: boolean;
  /** Why a deal is not defensible, in words; "" when it is. */
  whyNot: string;
}

/**
 * Judges a Commit or Best Case deal on the day of context.asOf. `signals`
 * gives the deal's firing slip signals; with `sumOnly`, it is not asked for
 * a deal that fails the gate (out whatever its signals), and whyNot is partial.
 */
export function judgeDeal(
  deal: GateInput & Pick<Deal, 'category'>,
  context: SignalContext,
  ebDays: number,
  signals: () => readonly SlipSignal[],
  sumOnly = false,
): DealCall {
  const gate = evaluateGate(deal, context.asOf, ebDays);
  const fired = gate.passes || !sumOnly ? signals() : [];
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
