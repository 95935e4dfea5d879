// Temporary: runs $PY_FILE through heapscope and prints what it wrote (and a CPU profile).
import { test } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { runPython } from "./bltin_testing.js";

test("scratch", async () => {
  const file = process.env.PY_FILE;
  if (!file) return;
  const source = readFileSync(file, "utf8");
  let session: Session | null = null;
  if (process.env.PY_PROF) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const t0 = performance.now();
  const r = runPython(source, file);
  const t1 = performance.now();
  if (session !== null) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(process.env.PY_PROF!, JSON.stringify(profile));
  }
  writeFileSync(file + ".out", r.stdout + (r.stderr ? "[stderr]\n" + r.stderr : "") + (r.error ? "[error]\n" + r.error : ""));
  writeFileSync(file + ".time", `${(t1 - t0).toFixed(0)} ms\n`);
}, 600_000);
