/** SAVE_PLAY_RATE, SAVE_PLAY_STATUS, ATTENDANCE_RATE, ATTENDANCE_STATUS through the bundle. */
import {call, column, errorOf} from './sheet';

describe('SAVE_PLAY_RATE', () => {
  it('is executed ÷ fired per row, blank when no signal fired', () => {
    expect(
      call('SAVE_PLAY_RATE', column(7, 5, 0, ''), column(6, 5, 0, 3)),
    ).toEqual(column(6 / 7, 1, '', ''));
  });

  it('refuses more save-plays than signals, fractions and negatives', () => {
    expect(errorOf('SAVE_PLAY_RATE', column(5, 4), column(5, 6)).message).toBe(
      'SAVE_PLAY_RATE: row 2: save_plays_executed (6) is more than signals_fired (4); count one save-play per signal',
    );
    expect(errorOf('SAVE_PLAY_RATE', 2.5, 1).message).toBe(
      'SAVE_PLAY_RATE: signals_fired is 2.5, not a whole count',
    );
    expect(errorOf('SAVE_PLAY_RATE', 5, -1).message).toBe(
      'SAVE_PLAY_RATE: save_plays_executed is -1, it cannot be negative',
    );
  });
});

describe('SAVE_PLAY_STATUS', () => {
  it('is OPERATIONAL at or above 80%, DECORATIVE below', () => {
    expect(call('SAVE_PLAY_STATUS', column(0.8, 0.79, '60%', ''))).toEqual(
      column('OPERATIONAL', 'DECORATIVE', 'DECORATIVE', ''),
    );
  });

  it('takes its own threshold', () => {
    expect(call('SAVE_PLAY_STATUS', 0.6, '60%')).toBe('OPERATIONAL');
    expect(errorOf('SAVE_PLAY_STATUS', 0.6, 80).message).toBe(
      'SAVE_PLAY_STATUS: threshold is 80, not a share between 0% and 100%',
    );
  });
});

describe('ATTENDANCE_RATE', () => {
  it('is attended ÷ invited, blank when nobody was invited', () => {
    expect(call('ATTENDANCE_RATE', column(9, 0), column(10, 0))).toEqual(
      column(0.9, ''),
    );
  });

  it('refuses more attendees than invitees', () => {
    expect(errorOf('ATTENDANCE_RATE', 11, 10).message).toBe(
      'ATTENDANCE_RATE: attended (11) is more than invited (10)',
    );
  });
});

describe('ATTENDANCE_STATUS', () => {
  it('is DISENGAGING below 80%, ENGAGED above 90%, STEADY between', () => {
    expect(call('ATTENDANCE_STATUS', column(0.79, 0.8, 0.9, 0.91))).toEqual(
      column('DISENGAGING', 'STEADY', 'STEADY', 'ENGAGED'),
    );
  });

  it('takes its own lines, lower first', () => {
    expect(call('ATTENDANCE_STATUS', 0.75, '70%', '74%')).toBe('ENGAGED');
    expect(errorOf('ATTENDANCE_STATUS', 0.75, 0.9, 0.8).message).toBe(
      'ATTENDANCE_STATUS: low (0.9) is above high (0.8); give the lower line first',
    );
  });
});
