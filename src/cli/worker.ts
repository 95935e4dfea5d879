// The engine side of `heapscope run`: runs the program and streams its output back.

import "../runtime/load.js";
import "../modules/all.js";
import { parentPort, workerData } from "node:worker_threads";
import { runProgram } from "../modules/pythonrun.js";
import type { WorkerMessage, WorkerRequest } from "./protocol.js";

const request = workerData as WorkerRequest;
const port = parentPort!;

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

const code = await runProgram({
  source: request.source,
  filename: request.filename,
  argv: request.argv,
  maxSteps: request.maxSteps,
  timeoutSeconds: request.timeoutSeconds,
  maxMemory: request.maxMemory,
  stats: request.stats,
  tracemalloc: request.tracemalloc,
  modules: request.modules,
  hashSeed: request.hashSeed,
  write: (stream, text) => send({ kind: "output", stream, text }),
});
send({ kind: "exit", code });
