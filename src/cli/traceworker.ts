// The engine side of `heapscope trace`: records the run in a worker thread (a large stack,
// like `heapscope run`) and sends the trace back when it is done.

import "./hashseed_preset.js";
import { parentPort, workerData } from "node:worker_threads";
import { recordProgram } from "../trace/record.js";
import type { TraceRequest, TraceWorkerMessage } from "./traceprotocol.js";

const request = workerData as TraceRequest;
const port = parentPort!;
const send = (message: TraceWorkerMessage): void => port.postMessage(message);

const { trace, exitCode } = await recordProgram({
  source: request.source,
  filename: request.filename,
  maxSteps: request.maxSteps,
  timeoutSeconds: request.timeoutSeconds,
  hashSeed: request.hashSeed,
  write: (stream, text) => send({ kind: "output", stream, text }),
});
send({ kind: "done", trace, exitCode });
