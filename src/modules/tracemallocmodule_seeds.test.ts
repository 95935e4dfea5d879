// End-to-end runs of the two seed examples this area serves (../shared/seed-examples), in
// a fresh process of their own (vitest isolates test files), through pythonrun.runProgram as
// `heapscope run` does. The expected texts are the seed examples' .out files, from CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runProgramOutput } from "./iomodule_testutil.js";

const seedDir = join(import.meta.dirname, "..", "..", "..", "shared", "seed-examples");

function seed(name: string): { source: string; expected: string; path: string } {
  const path = join(seedDir, name + ".py");
  return { source: readFileSync(path, "utf8"), expected: readFileSync(join(seedDir, name + ".out"), "utf8"), path };
}

describe("seed examples", () => {
  test("zero_copy.py prints exactly its .out", async () => {
    const s = seed("zero_copy");
    const r = await runProgramOutput(s.source, s.path);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(s.expected);
    expect(r.status).toBe(0);
  }, 300000);

  // "top count: 74501": the comprehension's result list (BUILD_LIST) is one CPython's start-up
  // left on the list free list, allocated before tracing started, so it has no trace
  // (runtime/startupresidue.ts leaves the same free lists before the program runs).
  test("tracemalloc_leak_hunt.py prints exactly its .out", async () => {
    const s = seed("tracemalloc_leak_hunt");
    const r = await runProgramOutput(s.source, s.path);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(s.expected);
    expect(r.status).toBe(0);
  }, 600000);
});
