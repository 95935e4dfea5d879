// The conformance corpus: every program's stdout, stderr and exit status under heapscope
// must equal CPython 3.11's goldens, except programs listed in known-failures.txt, which
// must still fail (the list may only shrink).
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error -- plain ESM helper shared with the npm scripts, no type declarations
import { checkAll, listPrograms, readKnownFailures } from "../../scripts/conformance-run.mjs";

interface Result {
  name: string;
  passed: boolean;
  difference: string;
}

const programs: string[] = listPrograms();
const known: Map<string, string> = readKnownFailures();
let results: Result[] = [];

function allSources(dir = join(import.meta.dirname)): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...allSources(path));
    else if (entry.endsWith(".py")) found.push(path);
  }
  return found;
}

describe("conformance corpus", () => {
  // The whole corpus runs once, in parallel workers; the per-program tests below only read
  // its results, so no single test carries the corpus's wall time.
  beforeAll(async () => {
    results = programs.length > 0 ? await checkAll(programs) : [];
  }, 14 * 60_000);

  it("has a golden for every program", () => {
    expect(programs.length).toBeGreaterThan(0);
    // A program without a golden would be skipped silently: every .py needs its .out.
    expect(allSources().filter((p) => !existsSync(p.slice(0, -3) + ".out"))).toEqual([]);
  });
  it("lists only programs that exist", () => {
    const names = new Set(programs.map((p) => p.split("/tests/conformance/")[1]!));
    expect([...known.keys()].filter((name) => !names.has(name))).toEqual([]);
  });
  programs.forEach((program, index) => {
    const name = program.split("/tests/conformance/")[1]!;
    it(name, () => {
      const result = results[index]!;
      if (known.has(name)) {
        expect(result.passed, `${name} passes now: remove it from known-failures.txt`).toBe(false);
      } else {
        expect(result.difference).toBe("");
      }
    });
  });
});
