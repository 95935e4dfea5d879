// `heapscope trace FILE.py -o report.html`: records a run (every executed line, every
// allocation, refcount, reference, collection and the output) and writes one self-contained
// HTML file holding the recording and the viewer: it opens from disk, with no server and
// nothing fetched from the network.

import { Worker } from "node:worker_threads";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_MAX_STEPS, type Trace } from "../trace/log.js";
import type { TraceRequest, TraceWorkerMessage } from "./traceprotocol.js";

const USAGE = `usage: heapscope trace FILE.py [-o REPORT.html] [--max-steps N] [--timeout SECONDS]

Records a run of FILE.py and writes a self-contained HTML report (default: FILE.html).
  -o, --output PATH    where to write the report
  --max-steps N        stop recording after N executed lines (default ${DEFAULT_MAX_STEPS})
  --timeout SECONDS    stop after this much wall-clock time
`;

interface TraceOptions {
  file: string;
  output: string;
  maxSteps: number;
  timeoutSeconds: number | null;
}

function parseTraceArgs(argv: string[]): TraceOptions | string {
  let file: string | null = null;
  let output: string | null = null;
  let maxSteps = DEFAULT_MAX_STEPS;
  let timeoutSeconds: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === "-o" || name === "--output") {
      const v = value();
      if (v === undefined) return "-o needs a path";
      output = v;
    } else if (name === "--max-steps") {
      const v = Number(value());
      if (!Number.isInteger(v) || v <= 0) return "--max-steps needs a positive integer";
      maxSteps = v;
    } else if (name === "--timeout") {
      const v = Number(value());
      if (!(v > 0)) return "--timeout needs a positive number";
      timeoutSeconds = v;
    } else if (name === "-h" || name === "--help") {
      return "";
    } else if (arg.startsWith("-")) {
      return `unknown option '${arg}'`;
    } else if (file === null) {
      file = arg;
    } else {
      return `unexpected argument '${arg}'`;
    }
  }
  if (file === null) return "trace needs a program: heapscope trace FILE.py -o report.html";
  return { file, output: output ?? basename(file).replace(/\.py$/, "") + ".html", maxSteps, timeoutSeconds };
}

/** Where the viewer bundle built by `npm run build` lives. */
export function reportBundlePath(): string {
  return fileURLToPath(new URL("../web-report/report.js", import.meta.url));
}

/** The report page: the trace as JSON and the viewer, both inline. */
export function reportHtml(trace: Trace, bundle: string): string {
  // Neither may close its <script> element early.
  const json = JSON.stringify(trace).replace(/</g, "\\u003c");
  const script = bundle.replace(/<\/script/gi, "<\\/script");
  const title = `heapscope: ${basename(trace.filename)}`.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="app"></div>
<script type="application/json" id="heapscope-trace">${json}</script>
<script>${script}</script>
</body>
</html>
`;
}

export async function traceCommand(argv: string[]): Promise<number> {
  const parsed = parseTraceArgs(argv);
  if (typeof parsed === "string") {
    if (parsed === "") {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`heapscope trace: ${parsed}\n${USAGE}`);
    return 2;
  }
  const bundlePath = reportBundlePath();
  if (!existsSync(bundlePath)) {
    process.stderr.write(`heapscope trace: the report viewer is not built (${bundlePath}); run \`npm run build\`\n`);
    return 2;
  }
  const filename = resolve(parsed.file);
  let source: string;
  try {
    source = readFileSync(filename, "utf8");
  } catch {
    process.stderr.write(`heapscope: can't open file '${filename}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const request: TraceRequest = {
    source,
    filename,
    maxSteps: parsed.maxSteps,
    timeoutSeconds: parsed.timeoutSeconds,
    hashSeed: process.env.PYTHONHASHSEED ?? "0",
  };
  const result = await recordInWorker(request);
  if (result === null) return 70;
  const html = reportHtml(result.trace, readFileSync(bundlePath, "utf8"));
  writeFileSync(parsed.output, html);
  const steps = result.trace.steps.line.length;
  const end = result.trace.end;
  process.stderr.write(`heapscope trace: wrote ${parsed.output} (${steps} steps, ${(html.length / 1024).toFixed(0)} KiB)${end !== null && end.status !== "finished" ? `; recording stopped: ${end.reason}` : ""}\n`);
  return 0;
}

function recordInWorker(request: TraceRequest): Promise<{ trace: Trace; exitCode: number } | null> {
  const worker = new Worker(fileURLToPath(new URL("./traceworker.js", import.meta.url)), {
    workerData: request,
    resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
    stdout: false,
    stderr: false,
  });
  return new Promise((done) => {
    let result: { trace: Trace; exitCode: number } | null = null;
    worker.on("message", (message: TraceWorkerMessage) => {
      if (message.kind === "output") (message.stream === 1 ? process.stdout : process.stderr).write(message.text);
      else result = { trace: message.trace, exitCode: message.exitCode };
    });
    worker.on("error", (error) => {
      process.stderr.write(`heapscope: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    });
    worker.on("exit", () => done(result));
  });
}
