import {
  DEFAULT_SIGNAL_THRESHOLDS,
  SLIP_SIGNALS,
  SNAPSHOT_RULES,
  SNAPSHOT_SIGNALS,
  firingSignals,
  hedgePattern,
  isFlagged,
  signalContext,
  type SignalInput,
  type SignalRule,
} from '../../src/domain/signals';

const asOf = Date.UTC(2026, 10, 20, 9);
const quiet: SignalInput = {
  closeDate: Date.UTC(2026, 10, 27),
  committedCloseDate: Date.UTC(2026, 10, 27),
  lastChampionReply: Date.UTC(2026, 10, 19),
  lastNewStakeholder: Date.UTC(2026, 10, 16),
  lastProcurementContact: Date.UTC(2026, 10, 16),
  nextStep: 'Order form to procurement',
  nextStepDue: Date.UTC(2026, 10, 24),
  notes: 'Signed off by the CFO',
};

describe('slip signals', () => {
  it('are the seven of docs/playbook.md, six of which one snapshot can show', () => {
    expect(SLIP_SIGNALS).toEqual([
      'champion latency',
      'close-date micro-slip',
      'no new stakeholders',
      'silent procurement',
      'hedged language',
      'broken next step',
      'MEDDPICC stagnation',
    ]);
    expect(SNAPSHOT_RULES.map(r => r.signal)).toEqual(SNAPSHOT_SIGNALS);
    expect(SNAPSHOT_SIGNALS).not.toContain('MEDDPICC stagnation');
  });

  it('use the Settings defaults: 48 hours, 10 and 10 business days', () => {
    expect(DEFAULT_SIGNAL_THRESHOLDS).toMatchObject({
      championLatencyHours: 48,
      stakeholderWindowDays: 10,
      procurementWindowDays: 10,
    });
  });

  it('fire none for a quiet deal, and follow the thresholds given', () => {
    const ctx = signalContext(asOf);
    expect(firingSignals(quiet, ctx)).toEqual([]);
    const strict = signalContext(asOf, {
      ...DEFAULT_SIGNAL_THRESHOLDS,
      championLatencyHours: 12,
      stakeholderWindowDays: 3,
    });
    expect(firingSignals(quiet, strict)).toEqual([
      'champion latency',
      'no new stakeholders',
    ]);
  });

  it('match hedge phrases as whole words, any case, any apostrophe and spacing', () => {
    const hedge = hedgePattern(['fingers crossed', "we'll see", 'might']);
    expect(hedge.test('FINGERS   crossed for Q4')).toBe(true);
    expect(hedge.test('we’ll see')).toBe(true);
    expect(hedge.test('a mighty deal')).toBe(false);
    expect(hedgePattern([]).test('anything')).toBe(false);
  });

  it('take history rules from the slip check, each signal once, in the playbook order', () => {
    interface WithHistory extends SignalInput {
      stageAdvancedWithoutMeddpicc: boolean;
      sameNextStepAsLastWeek: boolean;
    }
    const history: SignalRule<WithHistory>[] = [
      {
        signal: 'MEDDPICC stagnation',
        fires: d => d.stageAdvancedWithoutMeddpicc,
      },
      {signal: 'broken next step', fires: d => d.sameNextStepAsLastWeek},
    ];
    const deal: WithHistory = {
      ...quiet,
      notes: 'hopefully',
      nextStep: '',
      stageAdvancedWithoutMeddpicc: true,
      sameNextStepAsLastWeek: true,
    };
    const fired = firingSignals(deal, signalContext(asOf), [
      ...history,
      ...SNAPSHOT_RULES,
    ]);
    expect(fired).toEqual([
      'hedged language',
      'broken next step',
      'MEDDPICC stagnation',
    ]);
    expect(isFlagged(fired)).toBe(true);
    expect(isFlagged(['hedged language'])).toBe(false);
  });
});
