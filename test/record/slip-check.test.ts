/**
 * The Monday slip check through the built bundle: the seven signals on
 * Commit deals, including the two that need last week's history.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';

/** Monday 23 November 2026, 8 am in Los Angeles. */
const MONDAY = new Date('2026-11-23T16:00:00Z');
const NEXT_MONDAY = new Date('2026-11-30T16:00:00Z');

function world() {
  const emulator = sampleWorkbook({
    today: '2026-11-23',
    emulator: {scriptTimeZone: 'America/New_York', now: MONDAY},
  });
  return {emulator, bundle: loadBundle(emulator)};
}

const sheet = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name)!;

function rows(emulator: Emulator, name: string): Record<string, unknown>[] {
  const [header, ...data] = sheet(emulator, name).state.values;
  return data.map(r =>
    Object.fromEntries(header.map((h, i) => [String(h), r[i]])),
  );
}

type SlipResult = {
  message: string;
  signalsLogged: number;
  flaggedDeals: string[];
  savePlaysAdded: number;
  commitDeals: number;
};

describe('Monday slip check', () => {
  it('logs auto signals on Commit deals only, never the same deal, signal and week twice', () => {
    const {emulator, bundle} = world();
    const before = rows(emulator, 'Signals').length;
    const first = bundle.call('runSlipCheck', [], {
      trigger: 'menu',
    }) as SlipResult;
    expect(first.signalsLogged).toBeGreaterThan(0);
    const logged = rows(emulator, 'Signals').slice(before);
    expect(logged).toHaveLength(first.signalsLogged);
    expect(logged.every(r => r['Source'] === 'auto')).toBe(true);
    const commitIds = new Set(
      rows(emulator, 'Deals')
        .filter(d => d['Forecast Category'] === 'Commit')
        .map(d => d['Deal ID']),
    );
    expect(logged.every(r => commitIds.has(r['Deal ID']))).toBe(true);
    const keys = logged.map(r => `${r['Deal ID']}|${r['Signal']}`);
    expect(new Set(keys).size).toBe(keys.length);

    const again = bundle.call('runSlipCheck', [], {
      trigger: 'menu',
    }) as SlipResult;
    expect(again.signalsLogged).toBe(0);
    // Counts read as words do: "0 new signals", "1 save-play", never "1 save-plays".
    expect(again.message).toContain('0 new signals logged');
    expect(again.message).not.toMatch(/\b1 [\w-]+s\b/);
    expect(first.message).toContain(
      `${first.savePlaysAdded} save-play${first.savePlaysAdded === 1 ? '' : 's'} added.`,
    );
    expect(rows(emulator, 'Signals')).toHaveLength(
      before + first.signalsLogged,
    );
  });

  it('does not count a withdrawn signal: the check logs the signal again when it really fires', () => {
    const {emulator, bundle} = world();
    const hedged = rows(emulator, 'Deals').find(
      d =>
        d['Forecast Category'] === 'Commit' &&
        /hopefully/i.test(String(d['Notes'])),
    )!;
    const sidebar = {trigger: 'sidebar' as const};
    bundle.call(
      'logSignal',
      [{dealId: hedged['Deal ID'], signal: 'hedged language', note: ''}],
      sidebar,
    );
    const mine = (
      bundle.call('loadSidebar', [], sidebar) as {
        signals: Array<{row: number; version: string}>;
      }
    ).signals.at(-1)!;
    const withdrawn = bundle.call('withdrawSignal', [mine], sidebar) as {
      ok: boolean;
    };
    expect(withdrawn.ok).toBe(true);
    bundle.call('runSlipCheck', [], {trigger: 'menu'});
    const hedgedRows = rows(emulator, 'Signals').filter(
      r =>
        r['Deal ID'] === hedged['Deal ID'] && r['Signal'] === 'hedged language',
    );
    expect(
      // The raw state: a cell never written is undefined, not ''.
      hedgedRows.map(r => [r['Source'], !r['Withdrawn At']]),
    ).toEqual(
      expect.arrayContaining([
        ['manual', false],
        ['auto', true],
      ]),
    );
  });

  it('gives each deal with two or more signals one save-play owned by the deal owner', () => {
    const {emulator, bundle} = world();
    const result = bundle.call('runSlipCheck', [], {
      trigger: 'menu',
    }) as SlipResult;
    expect(result.flaggedDeals.length).toBeGreaterThan(0);
    const owners = new Map(
      rows(emulator, 'Deals').map(d => [d['Deal ID'], d['Owner']]),
    );
    const plays = rows(emulator, 'Signals').filter(
      r =>
        (r['Logged At'] as Date).getTime() === MONDAY.getTime() &&
        r['Save Play'] !== '',
    );
    expect(plays).toHaveLength(result.savePlaysAdded);
    for (const play of plays) {
      expect(result.flaggedDeals).toContain(play['Deal ID']);
      expect(play['Save Play Owner']).toBe(owners.get(play['Deal ID']));
      expect(String(play['Save Play'])).toMatch(/\(\d signals: /);
    }
  });

  it('keeps a hidden, protected weekly history of each Commit deal', () => {
    const {emulator, bundle} = world();
    const result = bundle.call('runSlipCheck', [], {
      trigger: 'menu',
    }) as SlipResult;
    const history = sheet(emulator, 'Deal History');
    expect(history.state.hidden).toBe(true);
    expect(history.state.protections).toHaveLength(1);
    expect(rows(emulator, 'Deal History')).toHaveLength(result.commitDeals);
    bundle.call('runSlipCheck', [], {trigger: 'menu'});
    expect(rows(emulator, 'Deal History')).toHaveLength(result.commitDeals);
  });

  it('fires the two history signals: a recycled next step and a stage advanced with no MEDDPICC added', () => {
    const {emulator, bundle} = world();
    bundle.call('runSlipCheck', [], {trigger: 'menu'});
    // Next week: one Commit deal advanced its stage with nothing documented; its next step is unchanged.
    const deals = sheet(emulator, 'Deals').state.values;
    const header = deals[0].map(String);
    const col = (h: string) => header.indexOf(h);
    const r = deals.findIndex(
      (d, i) =>
        i > 0 &&
        d[col('Forecast Category')] === 'Commit' &&
        d[col('Next Step')] !== '',
    );
    const id = deals[r][col('Deal ID')];
    deals[r][col('Stage')] = `${deals[r][col('Stage')]} (advanced)`;
    emulator.ctx.setNow(NEXT_MONDAY);
    bundle.call('runSlipCheck', [], {trigger: 'menu'});
    const fired = rows(emulator, 'Signals')
      .filter(
        s =>
          s['Deal ID'] === id &&
          (s['Logged At'] as Date).getTime() === NEXT_MONDAY.getTime(),
      )
      .map(s => String(s['Signal']));
    expect(fired).toContain('MEDDPICC stagnation');
    expect(fired).toContain('broken next step');
  });
});
