/** One Jest run: unit specs beside the code, integration specs on real PostgreSQL, e2e through HTTP. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(libs|apps|test|scripts)/.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  // apps/web has its own tsconfig (DOM, JSX) and its component tests run in Vitest (npm run test:web).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
