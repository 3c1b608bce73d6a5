// Apps Script runs the bundle with local time in the script's own zone (appsscript.json); dev
// tools that run the bundle do too, so date cells and "now" behave as they would in Google.
// Imported first by start, run and bench; jest.config.js does the same for the tests.
import manifest from '../appsscript.json';

process.env.TZ = manifest.timeZone;
