// The one path convention of the conformance suite, shared by the golden generator and
// the test runner: each program runs as /tmp/heapscope-conformance/<topic>/<name>.py, on
// both sides, so tracebacks and warnings name the same absolute path on every machine.
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const corpusRoot = join(repoRoot, "tests", "conformance");
export const runRoot = "/tmp/heapscope-conformance";

/** The absolute path a corpus program runs under (it need not exist for heapscope). */
export function runPathFor(programPath) {
  return join(runRoot, relative(corpusRoot, programPath));
}
