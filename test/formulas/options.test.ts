/** OPTIONS_RANK through the bundle: the Options tab ranked, highest impact first, then lowest effort. */
import {call, errorOf} from './sheet';

const HEADER = ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'];

describe('OPTIONS_RANK', () => {
  it('ranks by impact, then effort, keeping ties in the table order, and marks chosen ones; empty rows and unticked boxes below the list are left out', () => {
    const options = [
      HEADER,
      ['Hire two SDRs', 2, 4, 'CRO', false],
      ['Gate review before Commit', 5, 2, 'Dana', true],
      ['Weekly pipeline review', 3, 3, 'Managers', ''],
      ['Call the number on Monday', 5, 3, 'Dana', 'yes'],
      ['', '', '', '', ''],
      ['', '', '', '', false],
      ['Save-play owner per flagged deal', '4', 2, 'RevOps', true],
      ['Deal desk', 3, 3, 'Finance', false],
      ['', '', '', '', false],
    ];
    expect(call('OPTIONS_RANK', options)).toEqual([
      HEADER,
      ['Gate review before Commit', 5, 2, 'Dana', 'YES'],
      ['Call the number on Monday', 5, 3, 'Dana', 'YES'],
      ['Save-play owner per flagged deal', 4, 2, 'RevOps', 'YES'],
      ['Weekly pipeline review', 3, 3, 'Managers', ''],
      ['Deal desk', 3, 3, 'Finance', ''],
      ['Hire two SDRs', 2, 4, 'CRO', ''],
    ]);
  });

  it('finds its columns by name in any order; Owner and Chosen may be absent', () => {
    const options = [
      ['effort', 'Notes', 'OPTION', 'impact'],
      [1, 'x', 'A', 3],
      [1, '', 'B', 4],
    ];
    expect(call('OPTIONS_RANK', options)).toEqual([
      HEADER,
      ['B', 4, 1, '', ''],
      ['A', 3, 1, '', ''],
    ]);
    expect(call('OPTIONS_RANK', [HEADER])).toEqual([HEADER]);
  });

  it('names the sheet row, header and value it refuses', () => {
    const bad = (impact: unknown, option = 'A') =>
      errorOf('OPTIONS_RANK', [
        HEADER,
        ['B', 1, 1, '', ''],
        [option, impact, 2, '', ''],
      ]).message;
    expect(bad(6)).toBe(
      'OPTIONS_RANK: row 3: Impact is 6, not a whole number from 1 to 5',
    );
    expect(bad('high')).toBe(
      'OPTIONS_RANK: row 3: Impact is "high", not a whole number from 1 to 5',
    );
    expect(bad(2.5)).toMatch(/row 3: Impact is 2.5/);
    expect(bad(3, ' ')).toBe(
      'OPTIONS_RANK: row 3: Option is blank; name the option',
    );
    expect(
      errorOf('OPTIONS_RANK', [
        ['Option', 'Owner'],
        ['A', 'B'],
      ]).message,
    ).toBe(
      'OPTIONS_RANK: no column "Impact", "Effort"; pass the Options table with its header row',
    );
    expect(errorOf('OPTIONS_RANK', 'A').message).toBe(
      'OPTIONS_RANK: no column "Option", "Impact", "Effort"; pass the Options table with its header row',
    );
  });
});
