// Test helper: runPython with a file name, for the native layer's own tests.

import { runPython as run, type PythonRun } from "./testing.js";

export type { PythonRun };

export function runPython(source: string, filename = "/tmp/native_test.py"): Promise<PythonRun> {
  return run(source, { filename });
}
