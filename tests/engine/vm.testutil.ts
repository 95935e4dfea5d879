// Test support for the engine tests that run whole programs: runs one in this process the
// way `heapscope run` does (pythonrun's runProgram: start-up, __main__, uncaught exceptions,
// finalization) and collects stdout, stderr and the exit status. Only tests import this.

import { describe, expect, it } from "vitest";
import "../../src/runtime/load.js";
import "../../src/modules/all.js";
import { runProgram } from "../../src/modules/pythonrun.js";

export interface ProgramCase {
  name: string;
  source: string;
  stdout: string;
  stderr: string;
  status: number;
  options?: { maxSteps?: number; maxMemory?: number; timeoutSeconds?: number };
}

export interface ProgramResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** The path a case runs under (its tracebacks name it; the expected texts were measured there). */
export function casePath(name: string): string {
  return `/tmp/heapscope-vm-tests/${name}.py`;
}

export async function runCase(c: Pick<ProgramCase, "name" | "source" | "options">): Promise<ProgramResult> {
  let stdout = "";
  let stderr = "";
  const filename = casePath(c.name);
  const status = await runProgram({
    source: c.source,
    filename,
    argv: [filename],
    maxSteps: c.options?.maxSteps ?? null,
    timeoutSeconds: c.options?.timeoutSeconds ?? null,
    maxMemory: c.options?.maxMemory ?? null,
    stats: false,
    tracemalloc: null,
    modules: [],
    hashSeed: "0",
    write: (stream, text) => {
      if (stream === 1) stdout += text;
      else stderr += text;
    },
  });
  return { stdout, stderr, status };
}

/** Object addresses differ from run to run (CPython's too): compare them as 0xADDR. */
function normalizeAddresses(text: string): string {
  return text.replace(/0x[0-9a-f]+/g, "0xADDR");
}

/** One vitest test per case: stdout, stderr and status must be CPython's (addresses aside). */
export function describeCases(suite: string, cases: readonly ProgramCase[]): void {
  describe(suite, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const got = await runCase(c);
        expect(normalizeAddresses(got.stdout)).toBe(normalizeAddresses(c.stdout));
        expect(normalizeAddresses(got.stderr)).toBe(normalizeAddresses(c.stderr));
        expect(got.status).toBe(c.status);
      });
    }
  });
}
