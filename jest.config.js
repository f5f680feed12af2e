/** Jest runs every test: the pure core, the custom-function adapters, the manifest and the dev server. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true } }],
  },
  // The custom-functions runtime object that Excel provides; a faithful stand-in for tests.
  // A shared folder per run: the production build is made once, by whichever test needs it first.
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
  setupFiles: ["<rootDir>/tests/support/customFunctionsRuntime.ts"],
  moduleNameMapper: {
    // office-addin-manifest's main entry pulls ESM-only packages Jest 30 cannot load (toolchain notes).
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
