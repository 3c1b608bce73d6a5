/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` does the type checking). */
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
