// Test support for the array, io and tracemalloc tests: runs a Python program the way
// `heapscope run` does (pythonrun.runProgram: __main__ with __file__, exit handlers,
// finalization, the standard streams flushed) with every registered module available, and
// returns what it wrote to stdout and stderr, in order. Not imported by runtime code.

import "../runtime/load.js";
import "./all.js";
import "./arraymodule.js";
import "./iomodule.js";
import "./tracemallocmodule.js";
import { runProgram } from "./pythonrun.js";
import { tracer } from "./tracemallocmodule_core.js";

export interface ProgramOutput {
  /** stdout and stderr interleaved as written. */
  text: string;
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs `source` as a program named `filename`. */
export async function runProgramOutput(source: string, filename = "/tmp/heapscope-test/prog.py", tracemalloc: number | null = null): Promise<ProgramOutput> {
  let text = "";
  let stdout = "";
  let stderr = "";
  const status = await runProgram({
    source,
    filename,
    argv: [filename],
    maxSteps: null,
    timeoutSeconds: null,
    maxMemory: null,
    stats: false,
    tracemalloc,
    modules: [],
    hashSeed: "0",
    write: (stream, chunk) => {
      text += chunk;
      if (stream === 1) stdout += chunk;
      else stderr += chunk;
    },
  });
  // A program that leaves tracing on must not trace the next test's program.
  tracer.stop();
  return { text, stdout, stderr, status };
}

/** The program's stdout followed by its stderr (as a shell's `2>&1` capture of a buffered stdout). */
export async function runProgramText(source: string, filename?: string): Promise<string> {
  const r = await runProgramOutput(source, filename);
  return r.stdout + r.stderr;
}
