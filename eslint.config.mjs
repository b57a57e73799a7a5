import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// Import boundaries (design.md "Layout"): pure clinical rules know nothing of the database, Next or React;
// components reach data through lib/<feature> (types from the schema are fine).
const DB_IMPORTS = { group: ["@/db", "@/db/*", "**/db/*"], message: "Go through lib/<feature>: components and clinical rules never touch db/." };
const FRAMEWORK_IMPORTS = {
  group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "server-only"],
  message: "lib/clinical holds pure rules (zod and date-fns only): no Next, React or server-only imports.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".e2e-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tests/.cache/**"],
  },
  {
    // t3's guard rails: no delete or update without where (db and tx are the drizzle objects here)
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    files: ["lib/clinical/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [DB_IMPORTS, FRAMEWORK_IMPORTS, { group: ["@/lib/*", "!@/lib/clinical", "!@/lib/clinical/*"], message: "lib/clinical depends on no feature module." }] },
      ],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ ...DB_IMPORTS, allowTypeImports: true }] }],
    },
  },
];

export default config;
