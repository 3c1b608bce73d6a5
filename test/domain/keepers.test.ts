/** Who keeps the record, what a protection must gain and lose, and what a failed scheduled run says. */
import {
  isKeeper,
  keeperRefusal,
  protectionChanges,
  recordKeepers,
} from '../../src/domain/keepers';
import {causeOf, failureNotice} from '../../src/domain/run-failure';

describe('the keepers of the record', () => {
  it('are the owner, the set-up runner, the CRO Email, the installer and Record Keepers, each once, case ignored', () => {
    expect(
      recordKeepers({
        owner: 'admin@acme.example',
        setUpBy: 'Analyst@acme.example',
        croEmail: 'cro@acme.example',
        installer: 'cro@acme.example',
        listed: ['analyst@acme.example', ' revops@acme.example '],
      }),
    ).toEqual([
      'admin@acme.example',
      'Analyst@acme.example',
      'cro@acme.example',
      'revops@acme.example',
    ]);
    expect(recordKeepers({owner: 'a@x.io', croEmail: '', listed: []})).toEqual([
      'a@x.io',
    ]);
    expect(isKeeper(['A@x.io'], 'a@X.io')).toBe(true);
    expect(isKeeper(['A@x.io'], 'b@x.io')).toBe(false);
  });

  it('a protection gains the missing keepers and loses everyone else but the owner', () => {
    expect(
      protectionChanges(
        ['admin@x.io', 'rep@x.io', 'cro@x.io'],
        ['cro@x.io', 'analyst@x.io'],
        'admin@x.io',
      ),
    ).toEqual({add: ['analyst@x.io'], remove: ['rep@x.io']});
  });

  it('a refusal knows whether the person is listed already and who else can let them (its words: keeper-words.html, pinned on the bundle in test/record/team-week.test.ts)', () => {
    const keepers = ['admin@x.io', 'CRO@x.io'];
    expect(keeperRefusal('rep@x.io', keepers)).toEqual({
      listed: false,
      others: ['admin@x.io', 'CRO@x.io'],
    });
    expect(keeperRefusal('cro@x.io', keepers)).toEqual({
      listed: true,
      others: ['admin@x.io'],
    });
  });
});

describe('a failed scheduled run, told to a person', () => {
  it('sorts messages into causes, so one cause is emailed once a day whatever its details', () => {
    expect(causeOf('Settings: "Rebuild Start" is empty; enter …')).toBe(
      'settings',
    );
    expect(
      causeOf('x cannot take the snapshot: only the keepers of the record …'),
    ).toBe('keeper');
    expect(
      causeOf('You are trying to edit a protected cell or object. Please …'),
    ).toBe('keeper');
    expect(
      causeOf(
        'Another change to this workbook … did not finish within 30 seconds',
      ),
    ).toBe('lock');
    expect(causeOf('The spreadsheet 1abc could not be opened: …')).toBe(
      'spreadsheet',
    );
    expect(causeOf('Service unavailable: Mail')).toBe('service');
  });

  it('names the cause and carries what failed to the plain-text template', () => {
    const notice = failureNotice({
      message:
        'Settings: "CFO Email" is empty; enter the CFO\'s email address in the Settings tab.',
      spreadsheetName: 'Q4 <rebuild>',
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/1abc/edit',
      when: 'Fri 20 Nov 2026',
      runsAs: 'cro@x.io',
    });
    expect(notice.cause).toBe('settings');
    expect(notice.subject).toBe(
      'Trust Rebuild: the scheduled run for "Q4 <rebuild>" failed',
    );
    // The prose is src/templates/run-failure.html's, rendered by the bundle (test/record/schedule-failures.test.ts).
    expect(notice.fields).toMatchObject({
      cause: 'settings',
      message:
        'Settings: "CFO Email" is empty; enter the CFO\'s email address in the Settings tab.',
      spreadsheetName: 'Q4 <rebuild>',
      when: 'Fri 20 Nov 2026',
      runsAs: 'cro@x.io',
    });
  });
});
