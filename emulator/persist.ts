/**
 * Saves and loads an emulated world for the local preview: the spreadsheet,
 * property stores, triggers, outbox (attachments as base64), mail quota and
 * clock, as JSON. Dates are tagged {"$date": iso} and bytes {"$bytes": base64}
 * so they come back as Date and Uint8Array. Writes are atomic: a temp file in
 * the same folder, then a rename, so a crash never leaves half a world.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname, join, basename} from 'node:path';
import type {EmulatorOptions} from './context';
import {createEmulator, type Emulator, type WorldStores} from './index';
import type {SpreadsheetState} from './spreadsheet';

export const WORLD_VERSION = 1;

export interface WorldFile {
  version: number;
  options: {
    scriptTimeZone: string;
    owner: string;
    user: string;
  };
  /** The fixed emulated time, or null when the clock follows the real one. */
  clock: Date | null;
  spreadsheet: SpreadsheetState;
  stores: WorldStores;
}

const isDate = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === '[object Date]';

/** JSON with Dates and byte arrays tagged, so a round trip gives them back. */
export function worldToJson(world: WorldFile): string {
  return JSON.stringify(
    world,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (isDate(raw)) {
        const t = raw.getTime();
        return {$date: Number.isNaN(t) ? null : raw.toISOString()};
      }
      if (raw instanceof Uint8Array)
        return {$bytes: Buffer.from(raw).toString('base64')};
      return value;
    },
    1,
  );
}

export function worldFromJson(text: string): WorldFile {
  const world = JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as {$date?: string | null; $bytes?: string};
      const keys = Object.keys(value);
      if (keys.length === 1 && '$date' in tagged)
        return new Date(tagged.$date === null ? Number.NaN : tagged.$date!);
      if (keys.length === 1 && typeof tagged.$bytes === 'string')
        return new Uint8Array(Buffer.from(tagged.$bytes, 'base64'));
    }
    return value;
  }) as WorldFile;
  if (world?.version !== WORLD_VERSION) {
    throw new Error(
      `Not an emulator world file (version ${String(world?.version)}, expected ${WORLD_VERSION})`,
    );
  }
  return world;
}

/** The world's state as plain data. */
export function snapshotWorld(emulator: Emulator): WorldFile {
  const {ctx} = emulator;
  return {
    version: WORLD_VERSION,
    options: {
      scriptTimeZone: ctx.scriptTimeZone,
      owner: ctx.owner,
      user: ctx.user,
    },
    clock: ctx.fixedTime() ?? null,
    spreadsheet: emulator.spreadsheet.state,
    stores: {
      properties: emulator.properties,
      triggers: emulator.triggers,
      mail: {...emulator.mail, failNext: undefined},
    },
  };
}

/** Writes the world to `file` atomically (temp file in the same folder, then rename). */
export function saveWorld(file: string, emulator: Emulator): void {
  mkdirSync(dirname(file), {recursive: true});
  const temp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Date.now()}.tmp`,
  );
  writeFileSync(temp, worldToJson(snapshotWorld(emulator)));
  renameSync(temp, file);
}

/** A new emulator holding the saved world; `options` adds what a file does not keep (htmlDir, …). */
export function loadWorld(
  file: string,
  options: EmulatorOptions = {},
): Emulator {
  return emulatorOf(worldFromJson(readFileSync(file, 'utf8')), options);
}

/** An independent copy of a world, as a save and a load would make it (the preview rehearses a menu item on one). */
export function copyWorld(
  emulator: Emulator,
  options: EmulatorOptions = {},
): Emulator {
  return emulatorOf(
    worldFromJson(worldToJson(snapshotWorld(emulator))),
    options,
  );
}

function emulatorOf(world: WorldFile, options: EmulatorOptions): Emulator {
  return createEmulator(
    {
      ...options,
      ...world.options,
      spreadsheetTimeZone: world.spreadsheet.timeZone,
      spreadsheetId: world.spreadsheet.id,
      now: world.clock ?? undefined,
      mailQuota: world.stores.mail.dailyQuota,
    },
    world.spreadsheet,
    world.stores,
  );
}
