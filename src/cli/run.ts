// `heapscope run`: runs a Python program the way `python3` does (same stdout, stderr and
// exit status). The engine runs in a worker thread with a large stack, so deep Python
// recursion through TypeScript never overflows, and so a runaway program can be stopped.

import { Worker } from "node:worker_threads";
import { readFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRunArgs, UsageError, type RunOptions } from "./args.js";
import type { WorkerRequest, WorkerMessage } from "./protocol.js";

/** Extra wall-clock time after --timeout before the worker is killed outright. */
const HARD_KILL_GRACE_MS = 2000;

export async function runCommand(argv: string[]): Promise<number> {
  let options: RunOptions;
  try {
    options = parseRunArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`heapscope run: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let source: string;
  let filename: string;
  if (options.code !== null) {
    source = options.code;
    filename = "<string>";
  } else {
    const path = options.file as string;
    filename = resolve(path);
    try {
      source = readFileSync(filename, "utf8");
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "[Errno 2] No such file or directory" : String((e as Error).message);
      process.stderr.write(`heapscope: can't open file '${filename}': ${reason}\n`);
      return 2;
    }
  }
  const request: WorkerRequest = {
    source,
    filename,
    argv: [options.code !== null ? "-c" : filename, ...options.args],
    maxSteps: options.maxSteps,
    timeoutSeconds: options.timeoutSeconds,
    maxMemory: options.maxMemory,
    stats: options.stats,
    tracemalloc: options.tracemalloc,
    modules: options.modules.map((m) => resolve(m)),
    hashSeed: process.env.PYTHONHASHSEED ?? null,
  };
  return runInWorker(request);
}

function runInWorker(request: WorkerRequest): Promise<number> {
  const workerPath = fileURLToPath(new URL("./worker.js", import.meta.url));
  const worker = new Worker(workerPath, {
    workerData: request,
    resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolveExit) => {
    let exitCode: number | null = null;
    let killTimer: NodeJS.Timeout | null = null;
    if (request.timeoutSeconds !== null) {
      killTimer = setTimeout(() => {
        writeSync(2, `heapscope: stopped: the program ran longer than --timeout ${request.timeoutSeconds}s\n`);
        exitCode = 124;
        void worker.terminate();
      }, request.timeoutSeconds * 1000 + HARD_KILL_GRACE_MS);
    }
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "output") writeSync(message.stream, message.text);
      else if (message.kind === "exit") exitCode = message.code;
    });
    worker.on("error", (error) => {
      writeSync(2, `heapscope: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      exitCode = 70;
    });
    worker.on("exit", () => {
      if (killTimer !== null) clearTimeout(killTimer);
      resolveExit(exitCode ?? 70);
    });
  });
}
