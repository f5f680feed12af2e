/**
 * ESLint for `npm run lint` (office-addin-lint check): office-addin-lint passes this file with -c when it
 * exists at the project root. Microsoft's Office add-in rules (eslint-plugin-office-addins "recommended":
 * ESLint's recommended rules, Office.js load/sync rules, Prettier), plus its React rules for the task
 * pane (.tsx), with the TypeScript parser.
 * office-addin-lint checks src/ by default; `npx eslint .` with this file checks the whole project.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const nodeGlobals = Object.fromEntries(
  [
    "require",
    "module",
    "exports",
    "__dirname",
    "__filename",
    "process",
    "console",
    "Buffer",
    "URL",
    "setTimeout",
    "clearTimeout",
  ].map((name) => [name, "readonly"])
);

/** The plugin's Office.js rules are scoped to .js/.ts files; the pane's .tsx needs them as much. */
const officeRules = officeAddins.configs.react.find((c) => Array.isArray(c.files));

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.react,
  {
    ...officeRules,
    files: ["**/*.tsx"],
    languageOptions: {
      ...officeRules.languageOptions,
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, ecmaVersion: 2022 },
  },
  {
    // Every Office.js rule is an error, not a warning: office-addin-lint passes warnings, and a
    // context.sync() in a loop is exactly the slow pattern the writers must not have.
    files: ["**/*.ts", "**/*.tsx", "**/*.js"],
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"])
    ),
  },
  {
    // TypeScript resolves every name (DOM, Office, CustomFunctions, node) from tsconfig's types.
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: nodeGlobals },
  },
];
