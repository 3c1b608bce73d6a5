// npm run bench: builds dist/, then prints the bundle size, its load time against
// the baseline's in the same run, the custom functions' time per call at
// 1k/10k/100k rows, and spreadsheet service calls per operation, each against
// issue 15's target.
import './script-zone';
import {build} from './build';
import {benchFormulas} from './bench/formulas';
import {benchLoad} from './bench/load';
import {benchBundle, benchServices} from './bench/services';

// The bench times the add-on, not a browser: the snapshot's PDF uses the emulator's text writer
// (a Chromium print costs seconds; EMULATOR_PDF=chromium npm run bench times it too).
process.env.EMULATOR_PDF = process.env.EMULATOR_PDF || 'text';

async function main() {
  await build({quiet: true});
  for (const line of benchBundle()) console.log(line);
  for (const line of await benchLoad()) console.log(line);
  for (const line of await benchFormulas()) console.log(line);
  for (const line of benchServices()) console.log(line);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
