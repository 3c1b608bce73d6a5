// npm run bench: builds dist/, then prints the bundle size, the custom functions'
// time per call at 1k/10k/100k rows, and spreadsheet service calls per operation.
import './script-zone';
import {build} from './build';
import {benchFormulas} from './bench/formulas';
import {benchBundle, benchServices} from './bench/services';

// The bench times the add-on, not a browser: the snapshot's PDF uses the emulator's text writer
// (a Chromium print costs seconds; EMULATOR_PDF=chromium npm run bench times it too).
process.env.EMULATOR_PDF = process.env.EMULATOR_PDF || 'text';

async function main() {
  await build({quiet: true});
  for (const line of benchBundle()) console.log(line);
  for (const line of await benchFormulas()) console.log(line);
  for (const line of benchServices()) console.log(line);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
