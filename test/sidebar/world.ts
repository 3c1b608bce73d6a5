/**
 * The sidebar's server functions as google.script.run calls them: the built
 * bundle in a bare vm against the sample workbook (week 7, Friday
 * 2026-11-20, Los Angeles), each call a "sidebar" execution whose result
 * crosses the wire as JSON.
 */
import type {Emulator} from '../../emulator';
import {loadBundle, type LoadedBundle} from '../../emulator/loader';
import {sampleWorkbook, SAMPLE_PEOPLE} from '../../emulator/sample-workbook';
import type {SidebarData} from '../../src/domain/sidebar/types';

export interface SidebarWorld {
  emulator: Emulator;
  bundle: LoadedBundle;
  /** Calls a global as the sidebar would, returning what the browser receives. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  load(): SidebarData;
  /** Every row of a tab (header first) as getValues returns it. */
  tab(name: string): unknown[][];
}

export function sidebarWorld(
  options: Parameters<typeof sampleWorkbook>[0] = {},
): SidebarWorld {
  const emulator = sampleWorkbook({
    ...options,
    // The sidebar suites read the sample's days in Los Angeles time.
    emulator: {
      user: SAMPLE_PEOPLE.cro,
      spreadsheetTimeZone: 'America/Los_Angeles',
      ...options.emulator,
    },
  });
  const bundle = loadBundle(emulator);
  const world: SidebarWorld = {
    emulator,
    bundle,
    call<T>(name: string, ...args: unknown[]): T {
      const value = bundle.call(name, args, {trigger: 'sidebar'});
      // What google.script.run hands the page: a JSON copy (a Date inside would make it null).
      return (
        value === undefined ? undefined : JSON.parse(JSON.stringify(value))
      ) as T;
    },
    load: () => world.call<SidebarData>('loadSidebar'),
    tab(name) {
      return emulator.run({}, () => {
        const sheet = emulator.spreadsheet.exposed().getSheetByName(name);
        if (!sheet) throw new Error(`no tab ${name}`);
        return sheet.getDataRange().getValues();
      });
    },
  };
  return world;
}

/** The header's column in a tab's rows. */
export function column(rows: unknown[][], header: string): number {
  const i = rows[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

/** Rows of a tab as records by header, with their sheet row numbers. */
export function records(
  rows: unknown[][],
): Array<{row: number} & Record<string, unknown>> {
  const [header, ...body] = rows;
  return body.map((line, i) => ({
    row: i + 2,
    ...Object.fromEntries(header.map((h, j) => [String(h), line[j]])),
  }));
}

/**
 * Makes six commitments active in the sample (C4 ticked, C5 and C6 added):
 * one more than the playbook allows. Runs as the emulator's current user.
 */
export function activateSixCommitments(emulator: Emulator): void {
  emulator.run({}, () => {
    const sheet = emulator.spreadsheet.exposed().getSheetByName('Commitments')!;
    const header = sheet.getDataRange().getValues()[0];
    const at = (h: string) => header.indexOf(h);
    const line = (id: string) =>
      header.map((_, i) =>
        i === at('Commitment ID')
          ? id
          : i === at('Commitment')
            ? `Extra commitment ${id}`
            : i === at('Active')
              ? true
              : '',
      );
    sheet.getRange(5, at('Active') + 1).setValue(true);
    sheet.getRange(6, 1, 2, header.length).setValues([line('C5'), line('C6')]);
  });
}
