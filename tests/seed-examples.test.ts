// The seed documents' examples (../shared/seed-examples) must print exactly what CPython
// 3.11 printed, with nothing on stderr.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, basename } from "node:path";
// @ts-expect-error -- plain ESM helper shared with the npm scripts, no type declarations
import { runUnderHeapscope } from "../scripts/conformance-run.mjs";

const seedDir = join(import.meta.dirname, "..", "..", "shared", "seed-examples");
const programs = readdirSync(seedDir).filter((f) => f.endsWith(".py")).sort();

describe("seed examples", () => {
  for (const file of programs) {
    it(file, async () => {
      const program = join(seedDir, file);
      const expected = readFileSync(program.slice(0, -3) + ".out", "utf8");
      const got = await runUnderHeapscope(program, join("/tmp/heapscope-seed", basename(program)));
      expect(got.stderr).toBe("");
      expect(got.stdout).toBe(expected);
      expect(got.code).toBe(0);
    });
  }
});
