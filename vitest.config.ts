import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        // Reads the production build (npm run test:budget builds it first when it is stale).
        test: { name: "budget", include: ["tests/budget/**/*.test.ts"], environment: "node" },
      },
      {
        // The database tests run real server actions: outside React's server build, "server-only" would throw on import.
        resolve: { alias: { ...alias, "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) } },
        test: {
          name: "db",
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses: let vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/db/global-setup.ts"],
          // A fresh PGlite (initdb in WASM) takes over a minute when the shared machine is loaded.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry: keep two files in flight at most.
          maxWorkers: 2,
        },
      },
    ],
  },
});
