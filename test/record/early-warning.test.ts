/**
 * The Monday early warning through the built bundle: the scheduled run reads
 * the Leads tab (the sample's, with Olist's December dip) and emails the CRO
 * and the CMO one note, nobody else; a HubSpot-shaped Leads tab and a
 * Salesforce-shaped Deals tab read through the table layer give the same note.
 */
import {loadBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {Emulator} from '../../emulator';
import {letters} from '../../src/domain/headers';

/** Monday 23 November 2026, 16:00 in Tokyo (the sample's zone). */
const MONDAY = new Date('2026-11-23T07:00:00Z');

function world(rename?: (emulator: Emulator) => void) {
  const emulator = sampleWorkbook({
    today: '2026-11-23',
    emulator: {now: MONDAY},
  });
  rename?.(emulator);
  const bundle = loadBundle(emulator);
  bundle.call('installSchedule', [], {trigger: 'menu'});
  const before = emulator.outbox.length;
  const result = bundle.call('onScheduleTick', [], {trigger: 'time'}) as {
    ran: string[];
    messages: string[];
  };
  return {emulator, result, mail: emulator.outbox.slice(before)};
}

const header = (emulator: Emulator, tab: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === tab)!.state.values[0];

function renameHeaders(
  emulator: Emulator,
  tab: string,
  names: Record<string, string>,
) {
  const row = header(emulator, tab);
  row.forEach((h, i) => (row[i] = names[String(h)] ?? h));
}

describe('Monday early warning', () => {
  it('emails the CRO and the CMO one note with the sentences and the table', () => {
    const {result, mail} = world();
    expect(result.ran).toContain('early warning');
    const notes = mail.filter(m => m.subject.startsWith('Early warning'));
    expect(notes).toHaveLength(1);
    const [note] = notes;
    expect(note.to).toBe(`${SAMPLE_PEOPLE.cro},${SAMPLE_PEOPLE.cmo}`);
    expect(note.to).not.toContain(SAMPLE_PEOPLE.cfo);
    // Monday 23 Nov: the last complete week is that of 16 Nov; Olist's dip reaches into it.
    expect(note.body).toMatch(/^Qualified leads fell \d+%: /);
    expect(note.body).toContain('Leading indicators, last 12 weeks:');
    expect(note.body).toContain('\n2026-11-16 | ');
    expect(note.body).toContain('\nWeek Starting | Qualified Leads | ');
    expect(result.messages).toContain(
      `Early warning sent to ${SAMPLE_PEOPLE.cro} and ${SAMPLE_PEOPLE.cmo}: qualified leads turned.`,
    );
  });

  it('reads HubSpot-shaped Leads and Salesforce-shaped Deals as ours', () => {
    const ours = world().mail.find(m => m.subject.startsWith('Early'))!;
    const {mail} = world(emulator => {
      renameHeaders(emulator, 'Leads', {
        'Lead ID': 'Record ID',
        'Created On': 'Create Date',
        Source: 'Original Source',
        'Qualified On': 'Became a Sales Qualified Lead Date',
        'Pipeline On': 'Became an Opportunity Date',
        'Deal ID': 'Associated Deal',
      });
      renameHeaders(emulator, 'Deals', {
        'Deal ID': 'Opportunity ID',
        Deal: 'Opportunity Name',
        Owner: 'Opportunity Owner',
        'Created On': 'Created Date',
      });
    });
    const theirs = mail.find(m => m.subject.startsWith('Early'))!;
    expect(theirs.body).toBe(ours.body);
  });

  it('leaves the slip check as it was over Salesforce-shaped Deals', () => {
    const run = (rename: boolean) => {
      const emulator = sampleWorkbook({
        today: '2026-11-23',
        emulator: {now: MONDAY},
      });
      if (rename)
        renameHeaders(emulator, 'Deals', {
          'Deal ID': 'Opportunity ID',
          Deal: 'Opportunity Name',
          Owner: 'Opportunity Owner',
          'Created On': 'Created Date',
        });
      const bundle = loadBundle(emulator);
      const slips = bundle.call('runSlipCheck', [], {trigger: 'menu'});
      const signals = emulator.spreadsheet.sheets.find(
        s => s.state.name === 'Signals',
      )!.state.values;
      return {slips, signals: signals.map(r => r.slice(1))};
    };
    const ours = run(false);
    expect(
      (ours.slips as {signalsLogged: number}).signalsLogged,
    ).toBeGreaterThan(0);
    expect(run(true)).toEqual(ours);
  });

  it('refuses an ambiguous Leads tab, reporting it like any failed step', () => {
    const emulator = sampleWorkbook({
      today: '2026-11-23',
      emulator: {now: MONDAY},
    });
    const row = header(emulator, 'Leads');
    row.push('Record ID');
    const bundle = loadBundle(emulator);
    bundle.call('installSchedule', [], {trigger: 'menu'});
    expect(() => bundle.call('onScheduleTick', [], {trigger: 'time'})).toThrow(
      `the Leads table has two columns for "Lead ID": "Lead ID" (column A) and "Record ID" (column ${letters(row.length)}); keep one`,
    );
    expect(
      emulator.outbox.some(m => m.subject.startsWith('Early warning')),
    ).toBe(false);
  });
});
