/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking). */

// Apps Script runs the bundle with local time in the script's own zone (appsscript.json), so the
// tests do too: date cells and "now" then behave as they would in Google, whatever this machine's zone.
process.env.TZ = require('./appsscript.json').timeZone;

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
