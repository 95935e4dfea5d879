#!/usr/bin/env node
// Runs a Python program with the engine in this thread (no worker), so that
// `node --cpu-prof --stack-size=65500 bench/inprocess.js FILE.py` profiles the eval loop
// itself. `heapscope run` runs the same engine in a worker thread with a 256 MB stack.
import { readFileSync, writeSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

// HEAPSCOPE_DIST: another build of the engine (e.g. `tsc --outDir` into a private directory).
const dist = resolve(process.env.HEAPSCOPE_DIST ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist"));
await import(join(dist, "runtime", "load.js"));
await import(join(dist, "modules", "all.js"));
const { runProgram } = await import(join(dist, "modules", "pythonrun.js"));

const filename = resolve(process.argv[2]);
process.exitCode = await runProgram({
  source: readFileSync(filename, "utf8"),
  filename,
  argv: [filename, ...process.argv.slice(3)],
  maxSteps: null,
  timeoutSeconds: null,
  maxMemory: null,
  stats: false,
  tracemalloc: null,
  modules: [],
  hashSeed: process.env.PYTHONHASHSEED ?? null,
  write: (stream, text) => writeSync(stream, text),
});
