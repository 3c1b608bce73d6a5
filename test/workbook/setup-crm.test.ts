/**
 * Set-up over a pasted CRM export: a Salesforce header counts as the
 * contract's, so set-up never adds a second column for it (which would make
 * the table ambiguous), and adds the contract's headers that are missing.
 */
import {createEmulator} from '../../emulator';
import {loadBundle} from '../../emulator/loader';
import {DEALS, LEADS} from '../../src/domain/workbook';
import {tabWith} from './harness';

describe('set-up over Salesforce and HubSpot exports', () => {
  it('takes their headers as the contract’s and adds only what is missing', () => {
    const emulator = createEmulator();
    const salesforce = [
      'Opportunity ID',
      'Opportunity Name',
      'Opportunity Owner',
      'Amount',
      'Stage',
      'Forecast Category',
      'Close Date',
      'Next Step',
      'Created Date',
    ];
    const hubspot = [
      'Record ID',
      'Create Date',
      'Original Source',
      'Became a Marketing Qualified Lead Date',
      'Became an Opportunity Date',
      'Associated Deal',
    ];
    tabWith(emulator, 'Deals', [
      salesforce,
      ['006A', 'Acme', 'Kim', 5, 'Prospecting', 'Pipeline', '', '', ''],
    ]);
    tabWith(emulator, 'Leads', [hubspot]);
    loadBundle(emulator).call('setUpWorkbook', [], {trigger: 'menu'});
    const header = (name: string) =>
      emulator.spreadsheet.sheets
        .find(s => s.state.name === name)!
        .state.values[0].filter(h => h !== '');
    const answered = [
      'Deal ID',
      'Deal',
      'Owner',
      'Amount',
      'Stage',
      'Forecast Category',
      'Close Date',
      'Next Step',
      'Created On',
    ];
    expect(header('Deals')).toEqual([
      ...salesforce,
      ...DEALS.columns.map(c => c.header).filter(h => !answered.includes(h)),
    ]);
    expect(header('Leads')).toEqual([...hubspot, 'Amount']);
    expect(LEADS.columns.map(c => c.header)).toContain('Qualified On');
  });
});
