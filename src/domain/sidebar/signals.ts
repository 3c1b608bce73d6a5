/**
 * The Signals view's arithmetic, shared by the sidebar and the server: this
 * week's signals grouped by deal with the flagged deals (two or more signals)
 * on top, and the save-play execution rate against the operational line.
 */
import type {DealOption, SavePlayState, SignalView} from './types';

/** A deal with this many signals in a week is flagged and gets a save-play (docs/playbook.md). */
export const FLAG_THRESHOLD = 2;

/** A withdrawn signal stays in Signals, marked, and no count includes it. */
function isWithdrawn(signal: Pick<SignalView, 'withdrawnAt'>): boolean {
  return signal.withdrawnAt !== '';
}

export function savePlayState(signal: SignalView): SavePlayState {
  if (isWithdrawn(signal)) return 'withdrawn';
  if (signal.executedOn !== '') return 'executed';
  return signal.savePlay.trim() !== '' ? 'assigned' : 'none';
}

export interface DealSignals {
  dealId: string;
  dealName: string;
  owner: string;
  /** Every signal of the deal this week, withdrawn ones too (shown marked). */
  signals: SignalView[];
  /** Signals that count (not withdrawn). */
  counted: number;
  /** Counted signals whose save-play has not been executed yet. */
  open: number;
  flagged: boolean;
}

/** Deals by signals: flagged first, then most open signals, then most signals, then by name. */
export function dealsBySignals(
  signals: readonly SignalView[],
  deals: readonly DealOption[],
): DealSignals[] {
  const byId = new Map(deals.map(d => [d.id, d]));
  const groups = new Map<string, SignalView[]>();
  for (const s of signals) {
    const list = groups.get(s.dealId) ?? [];
    list.push(s);
    groups.set(s.dealId, list);
  }
  const rows: DealSignals[] = [...groups].map(([dealId, list]) => {
    const counted = list.filter(s => !isWithdrawn(s));
    return {
      dealId,
      dealName: byId.get(dealId)?.name ?? '',
      owner: byId.get(dealId)?.owner ?? '',
      signals: list,
      counted: counted.length,
      open: counted.filter(s => savePlayState(s) !== 'executed').length,
      flagged: counted.length >= FLAG_THRESHOLD,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      b.open - a.open ||
      b.counted - a.counted ||
      (a.dealName || a.dealId).localeCompare(b.dealName || b.dealId),
  );
}

export interface SavePlayRate {
  fired: number;
  executed: number;
  /** Save-plays assigned but not executed yet (not in the rate). */
  assigned: number;
  /** executed ÷ fired; '' when no signal fired. */
  rate: number | '';
}

/** Save-plays executed ÷ signals fired, over this week's signals not withdrawn (as the snapshot counts them). */
export function savePlayRate(signals: readonly SignalView[]): SavePlayRate {
  const states = signals.map(savePlayState).filter(s => s !== 'withdrawn');
  const executed = states.filter(s => s === 'executed').length;
  return {
    fired: states.length,
    executed,
    assigned: states.filter(s => s === 'assigned').length,
    rate: states.length === 0 ? '' : executed / states.length,
  };
}
