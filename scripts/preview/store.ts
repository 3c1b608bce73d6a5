/**
 * The preview's seams to the emulator's own persistence, triggers and sample
 * workbook. Interim: wired to the emulator modules as they land.
 */
import type {Emulator} from '../../emulator';
import type {LoadedBundle} from '../../emulator/loader';
import type {CallOutcome} from './serialise';

export function loadStoredWorld(file: string): Emulator {
  throw new Error(`not yet: loading ${file}`);
}

export function saveStoredWorld(file: string, emulator: Emulator): void {
  void file;
  void emulator;
}

export function seedSample(emulator: Emulator): void {
  void emulator;
}

export function fireDue(
  emulator: Emulator,
  bundle: LoadedBundle,
  from: Date,
  to: Date,
): Array<{handler: string; at: Date; outcome: CallOutcome}> {
  void emulator;
  void bundle;
  void from;
  void to;
  return [];
}

export function triggersOf(
  emulator: Emulator,
): Array<{handler: string; description: string}> {
  void emulator;
  return [];
}
