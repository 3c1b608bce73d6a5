/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking). */

// Apps Script runs the bundle with local time in the script's own zone (appsscript.json), so the
// tests do too: date cells and "now" then behave as they would in Google, whatever this machine's zone.
process.env.TZ = require('./appsscript.json').timeZone;
// A Chromium print takes seconds: the emulator's text PDF serves the suites, and the tests of the
// PDF itself ask for Chromium (emulator/pdf.ts). `EMULATOR_PDF=chromium npx jest` prints every PDF.
process.env.EMULATOR_PDF = process.env.EMULATOR_PDF || 'text';

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {diagnostics: false}],
  },
  // The bundle tests need dist/Code.js: test/global-setup.js builds it once per run.
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
};
