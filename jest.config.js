// Two projects: `unit` (pure logic and fakes, always runs) and `e2e` (against the local lab, see scripts/lab.sh).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // Sources import each other as `./x.js` (NodeNext); jest resolves the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.js',
      testEnvironment: '<rootDir>/__tests__/e2e/support/step-log-environment.js',
      slowTestThreshold: 60,
    },
  ],
  testTimeout: 600_000,
  maxWorkers: 2,
};
