import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "appPackage/build/**", "data/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  // Dependencies point inward (see STYLE.md): the domain and protocol know no transport, DOM or Node.
  {
    files: ["src/domain/**/*.ts"],
    rules: restrict([
      { group: ["node:*", "react", "react-dom", "express", "ws", "zod", "better-sqlite3", "@microsoft/*", "@fluentui/*"], message: "The domain is pure: no I/O, UI or runtime libraries." },
      { group: ["**/app/**", "**/teams/**", "**/server/**"], message: "The domain imports only protocol types." },
    ]),
  },
  {
    files: ["src/protocol/**/*.ts"],
    rules: restrict([
      { group: ["node:*", "react", "express", "ws", "@microsoft/*", "@fluentui/*"], message: "The protocol is the wire contract: zod only." },
      { group: ["**/domain/**", "**/app/**", "**/teams/**", "**/server/**"], message: "The protocol depends on nothing else in Concord." },
    ]),
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    rules: restrict([
      { group: ["@microsoft/teams-js"], message: "Only src/teams talks to teams-js." },
      { group: ["**/server/**", "node:*"], message: "Browser code cannot reach the server's modules." },
    ]),
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["server/main.ts"],
    rules: restrict([
      { group: ["**/src/app/**", "**/src/teams/**", "react", "@fluentui/*", "@microsoft/teams-js"], message: "The server shares only domain and protocol with the browser." },
    ]),
  },
  // vitest's asymmetric matchers (expect.stringContaining…) are typed `any`
  { files: ["test/**/*.ts", "**/*.test.ts", "**/*.test.tsx"], rules: { "@typescript-eslint/no-unsafe-assignment": "off" } },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
