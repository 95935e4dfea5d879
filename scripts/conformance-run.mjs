// Runs conformance programs under heapscope and compares them byte for byte with their
// CPython goldens. Used by the vitest suite (tests/conformance/conformance.test.ts) and by
// `npm run conformance [-- --report] [filters...]`.
import { spawn } from "node:child_process";
import { mkdirSync, copyFileSync, readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { cpus } from "node:os";
import { corpusRoot, repoRoot, runPathFor } from "./conformance-paths.mjs";

export function listPrograms(dir = corpusRoot) {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...listPrograms(path));
    else if (entry.endsWith(".py") && existsSync(path.slice(0, -3) + ".out")) found.push(path);
  }
  return found;
}

/** known-failures.txt: `<topic>/<name>.py <reason>` per line; `#` comments. */
export function readKnownFailures() {
  const path = join(corpusRoot, "known-failures.txt");
  const known = new Map();
  if (!existsSync(path)) return known;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) continue;
    const space = text.search(/\s/);
    const name = space < 0 ? text : text.slice(0, space);
    known.set(name, space < 0 ? "" : text.slice(space).trim());
  }
  return known;
}

function readGolden(program) {
  const base = program.slice(0, -3);
  const read = (ext) => (existsSync(base + ext) ? readFileSync(base + ext, "utf8") : "");
  const codeText = read(".code").trim();
  return { stdout: read(".out"), stderr: read(".err"), code: codeText === "" ? 0 : Number(codeText) };
}

/** Runs one program (copied to its run path, as the golden generator does) under heapscope. */
export function runUnderHeapscope(program, runPath = runPathFor(program), timeoutMs = 60_000) {
  mkdirSync(dirname(runPath), { recursive: true });
  copyFileSync(program, runPath);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin", "heapscope.js"), "run", runPath], {
      cwd: dirname(runPath),
      env: { ...process.env, PYTHONHASHSEED: "0" },
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code: signal !== null ? `signal ${signal}` : code,
      });
    });
  });
}

function firstDifference(expected, actual) {
  const e = expected.split("\n");
  const a = actual.split("\n");
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}: expected ${JSON.stringify(e[i] ?? "<end>")}, got ${JSON.stringify(a[i] ?? "<end>")}`;
  }
  return "";
}

/** Compares one program; returns { name, passed, difference }. */
export async function checkProgram(program, root = corpusRoot, runPath = undefined) {
  const name = relative(root, program);
  const golden = readGolden(program);
  const got = await runUnderHeapscope(program, runPath);
  let difference = "";
  if (got.stdout !== golden.stdout) difference = `stdout ${firstDifference(golden.stdout, got.stdout)}`;
  else if (got.stderr !== golden.stderr) difference = `stderr ${firstDifference(golden.stderr, got.stderr)}`;
  else if (got.code !== golden.code) difference = `exit status: expected ${golden.code}, got ${got.code}`;
  return { name, passed: difference === "", difference };
}

export async function checkAll(programs, root = corpusRoot, runPathOf = undefined) {
  const results = new Array(programs.length);
  let next = 0;
  const workers = Math.max(2, cpus().length * 2);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < programs.length) {
        const i = next++;
        results[i] = await checkProgram(programs[i], root, runPathOf === undefined ? undefined : runPathOf(programs[i]));
      }
    }),
  );
  return results;
}
