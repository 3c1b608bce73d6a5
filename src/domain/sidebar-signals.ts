/**
 * The Signals view's arithmetic, shared by the sidebar and the server: this
 * week's signals grouped by deal with the flagged deals (two or more signals)
 * on top, and the save-play execution rate against the operational line.
 */
import type {DealOption, SavePlayState, SignalView} from './sidebar-types';

/** A deal with this many signals in a week is flagged and gets a save-play (PLAYBOOK.md). */
export const FLAG_THRESHOLD = 2;

export function savePlayState(signal: SignalView): SavePlayState {
  if (signal.executedOn !== '') return 'executed';
  return signal.savePlay.trim() !== '' ? 'assigned' : 'none';
}

export interface DealSignals {
  dealId: string;
  dealName: string;
  owner: string;
  signals: SignalView[];
  /** Signals whose save-play has not been executed yet. */
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
  const rows: DealSignals[] = [...groups].map(([dealId, list]) => ({
    dealId,
    dealName: byId.get(dealId)?.name ?? '',
    owner: byId.get(dealId)?.owner ?? '',
    signals: list,
    open: list.filter(s => savePlayState(s) !== 'executed').length,
    flagged: list.length >= FLAG_THRESHOLD,
  }));
  return rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      b.open - a.open ||
      b.signals.length - a.signals.length ||
      (a.dealName || a.dealId).localeCompare(b.dealName || b.dealId),
  );
}

export interface SavePlayRate {
  fired: number;
  executed: number;
  /** executed ÷ fired; '' when no signal fired. */
  rate: number | '';
}

/** Save-plays executed ÷ signals fired, over this week's signals (as the snapshot counts them). */
export function savePlayRate(signals: readonly SignalView[]): SavePlayRate {
  const executed = signals.filter(s => s.executedOn !== '').length;
  return {
    fired: signals.length,
    executed,
    rate: signals.length === 0 ? '' : executed / signals.length,
  };
}
