// The `heapscope` command line. Each subcommand lives in its own file; this one only
// dispatches and prints usage.

import "../runtime/load.js";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { runDemo } from "./demo.js";
import { runCommand } from "./run.js";
import { traceCommand } from "./trace.js";
import { serveCommand } from "./serve.js";

const USAGE = `usage: heapscope <command> [options]

commands:
  run FILE.py [args]   run a Python program as python3 would (also: run -c CODE)
      --max-steps N        stop after N bytecode instructions
      --timeout SECONDS    stop after this much wall-clock time
      --max-memory BYTES   raise MemoryError beyond this much allocated memory
      --stats              print a memory summary at exit
      --tracemalloc[=N]    trace allocations; print the top N lines at exit
      --module PATH        load a native (TypeScript) extension module
  trace FILE.py -o REPORT.html
                       record a run into a self-contained HTML report
  serve [FILE.py] [--example NAME] [--port N]
                       serve the playground on http://127.0.0.1 and print its URL
                       (opens on the "cycles and gc" example, NAME, or FILE.py)
  demo                 walk through the memory core on a built-in example
  --version            print the version
  --help               print this help
`;

function packageVersion(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-V") {
    process.stdout.write(`heapscope ${packageVersion()} (models CPython 3.11)\n`);
    return 0;
  }
  if (command === "run") return runCommand(argv.slice(1));
  if (command === "trace") return traceCommand(argv.slice(1));
  if (command === "serve") return serveCommand(argv.slice(1));
  if (command === "demo") return runDemo((text) => process.stdout.write(text));
  process.stderr.write(`heapscope: unknown command '${command}'\n${USAGE}`);
  return 2;
}
