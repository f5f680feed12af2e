/**
 * ESLint for `npm run lint` (office-addin-lint check): office-addin-lint passes this file with -c when it
 * exists at the project root. Microsoft's Office add-in rules (eslint-plugin-office-addins "recommended":
 * ESLint's recommended rules, Office.js load/sync rules, Prettier) with the TypeScript parser.
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

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, ecmaVersion: 2022 },
  },
  {
    // TypeScript resolves every name (DOM, Office, CustomFunctions, node) from tsconfig's types.
    files: ["**/*.ts"],
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
