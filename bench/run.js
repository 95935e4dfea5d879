#!/usr/bin/env node
// `npm run bench`: runs each benchmark program under `heapscope run` and `python3` in the
// same session and prints the medians and the ratio heapscope / CPython. It also runs the
// engine-level benchmarks (allocator, object API, collector) when present.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const runs = Number(process.env.BENCH_RUNS ?? 3);

function timeOnce(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, stdout: result.stdout.trim(), ok: result.status === 0, stderr: result.stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log("benchmark            heapscope (s)   python3 (s)   ratio   checksum");
for (const file of readdirSync(join(here, "programs")).filter((f) => f.endsWith(".py")).sort()) {
  const program = join(here, "programs", file);
  const ours = [];
  const theirs = [];
  let checksum = "";
  let failure = "";
  for (let i = 0; i < runs; i++) {
    const a = timeOnce(process.execPath, [join(root, "bin", "heapscope.js"), "run", program]);
    const b = timeOnce("python3", [program]);
    if (!a.ok) failure = a.stderr.split("\n").filter(Boolean).pop() ?? "failed";
    if (a.stdout !== b.stdout) failure = failure || `checksum differs: ${a.stdout} vs ${b.stdout}`;
    ours.push(a.seconds);
    theirs.push(b.seconds);
    checksum = b.stdout;
  }
  const mo = median(ours);
  const mt = median(theirs);
  const name = file.replace(/\.py$/, "").padEnd(20);
  const status = failure ? `  FAILED: ${failure}` : "";
  console.log(`${name} ${mo.toFixed(3).padStart(13)} ${mt.toFixed(3).padStart(13)} ${(mo / mt).toFixed(2).padStart(7)}   ${checksum}${status}`);
}

for (const script of ["allocator.js", "objects.js", "gc.js"]) {
  const path = join(here, script);
  if (!existsSync(path)) continue;
  const result = spawnSync(process.execPath, [path], { encoding: "utf8" });
  process.stdout.write(result.stdout);
  if (result.status !== 0) process.stdout.write(`${script} failed: ${result.stderr}\n`);
}
