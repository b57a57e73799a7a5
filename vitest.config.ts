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
        test: {
          name: "db",
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
