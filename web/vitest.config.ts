// The browser tests: the built page in Debian's chromium, driven by playwright-core.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["web/tests/**/*.test.ts"],
    reporters: ["default", "./tests/plain-summary-reporter.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
