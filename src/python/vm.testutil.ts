// Test support for the eval loop's tests: runs a whole program in this process the way
// `heapscope run` does (pythonrun's runProgram: start-up, __main__, uncaught exceptions,
// finalization) and collects stdout, stderr and the exit status. Only tests import this.

import "../runtime/load.js";
import "../modules/all.js";
import { runProgram } from "../modules/pythonrun.js";

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
