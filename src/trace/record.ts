// A recorded run: runs a program exactly as `heapscope run` does (modules/pythonrun.ts),
// with the trace recorder watching. Works wherever the engine runs (a Node worker thread
// for `heapscope trace`, a Web Worker for the playground).

import "../runtime/load.js";
import "../modules/all.js";
// The builtins written on heapscope/native (`_weakref`, `_heapscope`), as under `heapscope run`.
import "../native/builtins.js";
import { runProgram } from "../modules/pythonrun.js";
import { DEFAULT_CONTAINER_ITEMS, DEFAULT_MAX_STEPS, appendChunk, emptyTrace, type Trace, type TraceChunk } from "./log.js";
import { Recorder, type RecorderOptions } from "./recorder.js";

export interface RecordOptions {
  source: string;
  filename: string;
  /** Line steps to record at most; the run stops there (status "budget"). */
  maxSteps?: number;
  /** Wall-clock budget in seconds. */
  timeoutSeconds?: number | null;
  /** References recorded per container. */
  containerItems?: number;
  /** PYTHONHASHSEED; "0" by default so that recorded runs are reproducible. */
  hashSeed?: string | null;
  /** Also receives the program's output as it is written. */
  write?: (stream: 1 | 2, text: string) => void;
  /** Streaming: receives the trace in pieces while it is recorded (then the result holds no events). */
  onChunk?: (chunk: TraceChunk) => void;
  chunkMs?: number;
  /** Called after each recorded step (see Recorder.freshSnapshot). */
  onStep?: RecorderOptions["onStep"];
}

export { DEFAULT_MAX_STEPS, DEFAULT_CONTAINER_ITEMS };

export interface RecordResult {
  trace: Trace;
  exitCode: number;
}

/** Runs `source` under the recorder; returns the whole trace (or streams it through onChunk). */
export async function recordProgram(options: RecordOptions): Promise<RecordResult> {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const containerItems = options.containerItems ?? DEFAULT_CONTAINER_ITEMS;
  const timeout = options.timeoutSeconds ?? null;
  const trace = emptyTrace(options.filename, options.source);
  trace.limits = { containerItems, maxSteps };
  const onChunk = options.onChunk ?? ((chunk: TraceChunk) => appendChunk(trace, chunk));
  const recorder = new Recorder({
    filename: options.filename,
    maxSteps,
    deadline: timeout === null ? Infinity : Date.now() + timeout * 1000,
    containerItems,
    onChunk,
    chunkMs: options.chunkMs ?? 100,
    ...(options.onStep === undefined ? {} : { onStep: options.onStep }),
  });
  const stderrText: string[] = [];
  recorder.install();
  let exitCode = 70;
  let status = "finished";
  let reason = "";
  try {
    exitCode = await runProgram({
      source: options.source,
      filename: options.filename,
      argv: [options.filename],
      maxSteps: null,
      timeoutSeconds: timeout,
      maxMemory: null,
      stats: false,
      tracemalloc: null,
      modules: [],
      hashSeed: options.hashSeed === undefined ? "0" : options.hashSeed,
      write: (stream, text) => {
        recorder.output(stream, text);
        if (stream === 2) stderrText.push(text);
        if (options.write !== undefined) options.write(stream, text);
      },
    });
    if (exitCode === 124) {
      status = "budget";
      const last = stderrText.join("").split("\n").filter((l) => l.startsWith("heapscope: stopped: ")).pop();
      reason = last === undefined ? "a run budget was reached" : last.slice("heapscope: stopped: ".length);
    } else {
      reason = `the program exited with status ${exitCode}`;
    }
  } catch (e) {
    status = "error";
    reason = `internal error: ${e instanceof Error ? e.message : String(e)}`;
  }
  recorder.finish({ status, reason, exitCode });
  recorder.uninstall();
  onChunk(recorder.writer.takeChunk());
  return { trace, exitCode };
}
