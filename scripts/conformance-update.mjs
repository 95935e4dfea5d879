#!/usr/bin/env node
// Regenerates conformance goldens by running CPython 3.11 — the only source of goldens.
//
//   npm run conformance:update                 # every program
//   npm run conformance:update -- refcounts/x  # programs whose path contains a filter
//
// Each program is copied to its run path (scripts/conformance-paths.mjs) and run twice, with
// PYTHONHASHSEED=0 and =1; a program whose stdout, stderr or exit status differs between the
// two runs is rejected (its output depends on hashing or on addresses) and gets no golden.
// Goldens: <name>.out (stdout, always written), <name>.err (stderr, only when non-empty),
// <name>.code (exit status, only when not 0). A rejected program's old goldens are deleted,
// and goldens left without their program are removed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, copyFileSync, writeFileSync, existsSync, rmSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { corpusRoot, runPathFor } from "./conformance-paths.mjs";

const version = execFileSync("python3", ["--version"], { encoding: "utf8" }).trim();
if (!/^Python 3\.11\.\d+$/.test(version)) {
  console.error(`conformance:update needs CPython 3.11 as python3, found: ${version}`);
  process.exit(2);
}

function programs(dir) {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...programs(path));
    else if (entry.endsWith(".py")) found.push(path);
  }
  return found;
}

function runCPython(runPath, seed) {
  const result = spawnSync("python3", [runPath], {
    cwd: dirname(runPath),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONHASHSEED: String(seed), PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

function removeGoldens(base) {
  for (const ext of [".out", ".err", ".code"]) if (existsSync(base + ext)) rmSync(base + ext);
}

/** Goldens whose program is gone: removed, so the corpus holds only what CPython produced from a program here. */
function removeOrphanedGoldens(dir) {
  let removed = 0;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) removed += removeOrphanedGoldens(path);
    else if (/\.(out|err|code)$/.test(entry) && !existsSync(path.replace(/\.(out|err|code)$/, ".py"))) {
      console.error(`removed orphaned golden ${relative(corpusRoot, path)}`);
      rmSync(path);
      removed++;
    }
  }
  return removed;
}

const filters = process.argv.slice(2);
removeOrphanedGoldens(corpusRoot);
let written = 0;
let rejected = 0;
for (const program of programs(corpusRoot)) {
  const rel = relative(corpusRoot, program);
  if (filters.length > 0 && !filters.some((f) => rel.includes(f))) continue;
  const runPath = runPathFor(program);
  mkdirSync(dirname(runPath), { recursive: true });
  copyFileSync(program, runPath);
  const a = runCPython(runPath, 0);
  const b = runCPython(runPath, 1);
  if (a.stdout !== b.stdout || a.stderr !== b.stderr || a.code !== b.code) {
    console.error(`REJECTED ${rel}: output differs between PYTHONHASHSEED=0 and =1`);
    // A stale golden must not outlive the program it was made from.
    removeGoldens(program.slice(0, -3));
    rejected++;
    continue;
  }
  const base = program.slice(0, -3);
  writeFileSync(base + ".out", a.stdout);
  if (a.stderr !== "") writeFileSync(base + ".err", a.stderr);
  else if (existsSync(base + ".err")) rmSync(base + ".err");
  if (a.code !== 0) writeFileSync(base + ".code", `${a.code}\n`);
  else if (existsSync(base + ".code")) rmSync(base + ".code");
  written++;
}
console.log(`goldens written: ${written}, rejected: ${rejected}`);
process.exit(rejected > 0 ? 1 : 0);
