// One test runner for the whole repository: contracts, API, Angular client and the browser journey.
// Each project starts the real components it needs in its own globalSetup (no mocks of them).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }];
// Path aliases as in tsconfig.json: generated contract types, the HTTP contract (api/) and the one
// test-support module (test/support) every project's tests share.
const pathAliases = {
  '^@contracts/(.*)$': '<rootDir>/generated/contracts/$1',
  '^@api$': '<rootDir>/api/index.ts',
  '^@api/(.*)$': '<rootDir>/api/$1',
  '^@test-support/(.*)$': '<rootDir>/test/support/$1',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'contracts',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test/contracts'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: pathAliases,
      globalSetup: '<rootDir>/test/contracts/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/contracts/helpers/global-teardown.ts',
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/server/src'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: pathAliases,
      globalSetup: '<rootDir>/server/src/test-support/global-setup.ts',
      globalTeardown: '<rootDir>/server/src/test-support/global-teardown.ts',
    },
    {
      // The local stack's pieces (scripts/dev), the deployment files (test/deploy, read statically) and the
      // benchmarks' own logic (bench/): each test starts what it needs itself.
      displayName: 'scripts',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/scripts', '<rootDir>/test/deploy', '<rootDir>/bench'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: pathAliases,
    },
    {
      displayName: 'client',
      preset: 'jest-preset-angular',
      rootDir: __dirname,
      roots: ['<rootDir>/client/src'],
      testMatch: ['**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/client/src/test-setup.ts'],
      moduleNameMapper: pathAliases,
      transform: {
        '^.+\\.(ts|js|mjs|html|svg)$': [
          'jest-preset-angular',
          { tsconfig: '<rootDir>/client/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
        ],
      },
      transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
    },
    {
      // Fault drills (`npm run test:faults`, run by .ci/run after npm test): each kills, restarts or floods a
      // real piece of the stack it started itself, within the time budget its test declares. One at a time.
      displayName: 'faults',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.fault.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: pathAliases,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: pathAliases,
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
