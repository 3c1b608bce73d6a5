import {
  DEAL_HEADERS,
  isBlankRow,
  locateDealColumns,
  parseDeal,
} from '../../src/domain/deals';
import {InputError} from '../../src/domain/input-error';
import type {WallClock} from '../../src/domain/wall-clock';
import {DEALS} from '../../src/domain/workbook';

/** A spreadsheet on UTC: typed date text needs no clock at all. */
const UTC: WallClock = {wall: d => d.getTime()};

describe('Deals records', () => {
  it('use the headers of the workbook contract', () => {
    expect(DEAL_HEADERS).toEqual(DEALS.columns.map(c => c.header));
    expect(DEAL_HEADERS).toHaveLength(26);
  });

  it('locate only the wanted headers, in any spelling', () => {
    const columns = locateDealColumns(
      ['deal_id', 'NOTES', 'close-date', 'Forecast Category'],
      ['Notes', 'Close Date'],
      ['Deal ID'],
    );
    expect(columns['Deal ID']).toBe(0);
    expect(columns.Notes).toBe(1);
    expect(columns['Close Date']).toBe(2);
    expect(columns['Forecast Category']).toBe(-1);
  });

  it('name every missing required header', () => {
    expect(() =>
      locateDealColumns(['Notes'], ['Notes', 'Next Step', 'Stage']),
    ).toThrow(new InputError('missing headers "Next Step", "Stage"'));
  });

  it('read a row into a typed Deal, absent columns as blank', () => {
    const columns = locateDealColumns(
      [
        'Deal ID',
        'Amount',
        'Forecast Category',
        'Champion',
        'EB Confirmed On',
        'Paper Process Map',
      ],
      [
        'Deal ID',
        'Amount',
        'Forecast Category',
        'Champion',
        'EB Confirmed On',
        'Paper Process Map',
      ],
    );
    const deal = parseDeal(
      ['D-9', '$1,200', 'COMMIT', 'yes', '2026-11-16', 'https://map'],
      columns,
      9,
      UTC,
    );
    expect(deal).toMatchObject({
      row: 9,
      dealId: 'D-9',
      amount: 1200,
      category: 'Commit',
      economicBuyerName: '',
      paperProcessMap: true,
      nextStep: '',
    });
    expect(deal.meddpicc.Champion).toBe(true);
    expect(deal.meddpicc.Metrics).toBe(false);
    expect(deal.ebConfirmedOn).toEqual(Date.UTC(2026, 10, 16));
  });

  it('refuse a bad cell with its sheet row', () => {
    const columns = locateDealColumns(['Amount'], ['Amount']);
    try {
      parseDeal(['about 5k'], columns, 12, UTC);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).row).toBe(12);
      expect((e as Error).message).toBe('Amount is "about 5k", not a number');
    }
  });

  it('treat a row of blanks as blank', () => {
    expect(isBlankRow(['', '  ', undefined])).toBe(true);
    expect(isBlankRow(['', false])).toBe(false);
  });
});
