// Messages between `heapscope trace` and its recording worker thread.
import type { Trace } from "../trace/log.js";

export interface TraceRequest {
  source: string;
  filename: string;
  maxSteps: number;
  timeoutSeconds: number | null;
  hashSeed: string | null;
}

export type TraceWorkerMessage =
  | { kind: "output"; stream: 1 | 2; text: string }
  | { kind: "done"; trace: Trace; exitCode: number };
