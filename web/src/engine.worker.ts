// The playground's engine: records a run in a Web Worker, streaming the trace to the page.
// The page ends a runaway program by terminating this worker.
import "./engine-shim.js";
import { recordProgram } from "../../src/trace/record.js";
import type { TraceChunk } from "../../src/trace/log.js";

export interface RunRequest {
  source: string;
  filename: string;
  maxSteps: number;
  timeoutSeconds: number;
}

export type EngineMessage =
  | { kind: "chunk"; chunk: TraceChunk }
  | { kind: "done"; exitCode: number }
  | { kind: "error"; message: string };

const post = (message: EngineMessage): void => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  try {
    const { exitCode } = await recordProgram({
      source: request.source,
      filename: request.filename,
      maxSteps: request.maxSteps,
      timeoutSeconds: request.timeoutSeconds,
      chunkMs: 120,
      onChunk: (chunk) => post({ kind: "chunk", chunk }),
    });
    post({ kind: "done", exitCode });
  } catch (e) {
    post({ kind: "error", message: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) });
  }
};
