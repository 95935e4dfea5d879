import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "examples/**/*.test.ts"],
    reporters: ["default", "./tests/plain-summary-reporter.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
