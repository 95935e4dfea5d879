// Parses `heapscope run` options, python3-style: options before the program, everything
// after the program (or after `-c CODE`) is the program's own sys.argv.

export interface RunOptions {
  /** Path of the program, or null with `-c`. */
  file: string | null;
  /** Source given with -c. */
  code: string | null;
  /** sys.argv[1:] */
  args: string[];
  maxSteps: number | null;
  timeoutSeconds: number | null;
  maxMemory: number | null;
  stats: boolean;
  /** --tracemalloc[=N]: start tracing at start-up and report the top N lines at exit. */
  tracemalloc: number | null;
  /** --module PATH: native extension modules to load (heapscope/native). */
  modules: string[];
}

export class UsageError extends Error {}

function positiveNumber(option: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${option} needs a positive number, got '${text ?? ""}'`);
  }
  return value;
}

export function parseRunArgs(argv: string[]): RunOptions {
  const options: RunOptions = {
    file: null,
    code: null,
    args: [],
    maxSteps: null,
    timeoutSeconds: null,
    maxMemory: null,
    stats: false,
    tracemalloc: null,
    modules: [],
  };
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (name === "-c") {
      const code = argv[i + 1];
      if (code === undefined) throw new UsageError("Argument expected for the -c option");
      options.code = code;
      options.args = argv.slice(i + 2);
      return options;
    }
    if (name === "--max-steps") options.maxSteps = Math.floor(positiveNumber(name, value()));
    else if (name === "--timeout") options.timeoutSeconds = positiveNumber(name, value());
    else if (name === "--max-memory") options.maxMemory = Math.floor(positiveNumber(name, value()));
    else if (name === "--stats") options.stats = true;
    else if (name === "--tracemalloc") options.tracemalloc = inline === undefined ? 10 : Math.floor(positiveNumber(name, inline));
    else if (name === "--module") {
      const path = value();
      if (path === undefined) throw new UsageError("--module needs a path");
      options.modules.push(path);
    } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option '${arg}'`);
    else {
      options.file = arg;
      options.args = argv.slice(i + 1);
      return options;
    }
    i++;
  }
  throw new UsageError("run needs a program: heapscope run FILE.py [args] or heapscope run -c CODE");
}
