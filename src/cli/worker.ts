// The engine side of `heapscope run`: runs the program and streams its output back.

import "./hashseed_preset.js";
import "../runtime/load.js";
import "../modules/all.js";
import { parentPort, workerData } from "node:worker_threads";
import { runProgram } from "../modules/pythonrun.js";
import { loadNativeModules } from "../native/index.js";
import type { WorkerMessage, WorkerRequest } from "./protocol.js";

const request = workerData as WorkerRequest;
const port = parentPort!;

function send(message: WorkerMessage): void {
  port.postMessage(message);
}

// --module FILE: native extension modules are registered before the program starts (the
// modules layer cannot import src/native, so the loading happens here).
let loadError: string | null = null;
try {
  await loadNativeModules(request.modules);
} catch (e) {
  loadError = e instanceof Error ? e.message : String(e);
}

const code = loadError !== null ? 2 : await runProgram({
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
if (loadError !== null) send({ kind: "output", stream: 2, text: `heapscope: ${loadError}\n` });
send({ kind: "exit", code });
