import {evaluateGate, gateVerdict, type GateInput} from '../../src/domain/gate';
import {MEDDPICC} from '../../src/domain/workbook';

const asOf = Date.UTC(2026, 10, 20, 17, 30);

function documented(changes: Partial<GateInput> = {}): GateInput {
  const meddpicc = Object.fromEntries(
    MEDDPICC.map(e => [e, true]),
  ) as GateInput['meddpicc'];
  return {
    meddpicc,
    economicBuyerName: 'Dana Ortiz',
    ebConfirmedOn: Date.UTC(2026, 10, 10),
    paperProcessMap: true,
    ...changes,
  };
}

describe('evaluateGate', () => {
  it('passes a fully documented deal with a current EB confirmation and a paper-process map', () => {
    expect(evaluateGate(documented(), asOf, 14)).toEqual({
      passes: true,
      missing: [],
    });
    expect(gateVerdict(evaluateGate(documented(), asOf))).toBe('PASS');
  });

  it('lists each missing MEDDPICC element in the playbook order, then the EB and the map', () => {
    const deal = documented({
      meddpicc: {...documented().meddpicc, Competition: false, Metrics: false},
      economicBuyerName: '',
      ebConfirmedOn: undefined,
      paperProcessMap: false,
    });
    expect(evaluateGate(deal, asOf, 14).missing).toEqual([
      'Metrics',
      'Competition',
      'Economic Buyer name',
      'EB confirmation',
      'paper-process map',
    ]);
  });

  it('counts the EB window in calendar days before the day of evaluation', () => {
    const at = (day: number, ebDays = 14) =>
      gateVerdict(
        evaluateGate(
          documented({ebConfirmedOn: Date.UTC(2026, 10, day, 9)}),
          asOf,
          ebDays,
        ),
      );
    expect(at(6)).toBe('PASS');
    expect(at(5)).toBe('FAIL: EB confirmation older than 14 days');
    expect(at(19, 1)).toBe('PASS');
    expect(at(18, 1)).toBe('FAIL: EB confirmation older than 1 day');
    expect(at(20, 0)).toBe('PASS');
    expect(at(21)).toBe('FAIL: EB confirmation dated after 2026-11-20');
  });
});
