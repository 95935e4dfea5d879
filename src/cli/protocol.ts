// Messages between `heapscope run` and the engine's worker thread.

export interface WorkerRequest {
  source: string;
  filename: string;
  argv: string[];
  maxSteps: number | null;
  timeoutSeconds: number | null;
  maxMemory: number | null;
  stats: boolean;
  tracemalloc: number | null;
  modules: string[];
  hashSeed: string | null;
}

export type WorkerMessage =
  | { kind: "output"; stream: 1 | 2; text: string }
  | { kind: "exit"; code: number };
