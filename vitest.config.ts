import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The examples import the package's public entry points, as users do; tests run them on
  // the sources rather than on dist/.
  resolve: {
    alias: {
      "heapscope/native": fileURLToPath(new URL("./src/native/index.ts", import.meta.url)),
      "heapscope/testing": fileURLToPath(new URL("./src/native/testing.ts", import.meta.url)),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "examples/**/*.test.ts"],
    reporters: ["default", "./tests/plain-summary-reporter.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
