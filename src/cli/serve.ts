// `heapscope serve`: the playground page on a local web server (127.0.0.1, a free port
// unless --port says otherwise). The page is static and self-contained; the Python engine
// runs in the browser, in a Web Worker.

import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".map": "application/json",
  ".py": "text/plain; charset=utf-8",
};

/** The built page (`npm run build` writes it). */
export function pageRoot(): string {
  return fileURLToPath(new URL("../web/", import.meta.url));
}

/** Starts serving `root`; resolves with the server and its URL once it listens. */
export function startServer(root: string, port = 0, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!.split("#")[0]!);
    const relative = normalize(path === "/" ? "/index.html" : path).replace(/^([/\\])+/, "");
    const file = join(root, relative);
    if (!(file + sep).startsWith(root.endsWith(sep) ? root : root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

const SERVE_USAGE = `usage: heapscope serve [FILE.py] [--example NAME] [--port N]

Serves the playground on http://127.0.0.1 (a free port unless --port says otherwise) and
prints its URL. The page opens on the "cycles and gc" example, on --example NAME, or on
FILE.py (kept in the URL, so the link reopens it). Nothing is fetched from outside: the
Python engine is bundled into the page and runs in your browser.
`;

/** The example the page opens on unless told otherwise. */
export const DEFAULT_EXAMPLE = "cycles_and_gc";

/** The page's examples (written next to the page by web/build.mjs). */
export function pageExamples(root: string): string[] {
  const file = join(root, "examples.json");
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { key: string }[]).map((e) => e.key);
}

/** The page's `#code=`: the program's UTF-8 bytes in unpadded base64url (web/src/main.ts reads it). */
export function codeFragment(source: string): string {
  return `code=${Buffer.from(source, "utf8").toString("base64url")}`;
}

interface ServeOptions {
  port: number;
  example: string | null;
  file: string | null;
}

function parseServeArgs(argv: string[]): ServeOptions | string {
  const options: ServeOptions = { port: 0, example: null, file: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === "--port") {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0 || v > 65535) return "--port needs a port number";
      options.port = v;
    } else if (name === "--example") {
      const v = value();
      if (v === undefined || v === "") return "--example needs a name";
      options.example = v.replace(/\.py$/, "").replace(/[ -]/g, "_");
    } else if (name === "-h" || name === "--help") {
      return "";
    } else if (arg.startsWith("-")) {
      return `unknown option '${arg}'`;
    } else if (options.file === null) {
      options.file = arg;
    } else {
      return `unexpected argument '${arg}'`;
    }
  }
  if (options.file !== null && options.example !== null) return "give a FILE.py or --example, not both";
  return options;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const options = parseServeArgs(argv);
  if (typeof options === "string") {
    if (options === "") {
      process.stdout.write(SERVE_USAGE);
      return 0;
    }
    process.stderr.write(`heapscope serve: ${options}\n${SERVE_USAGE}`);
    return 2;
  }
  const root = pageRoot();
  if (!existsSync(join(root, "index.html"))) {
    process.stderr.write(`heapscope serve: the page is not built (${root}); run \`npm run build\`\n`);
    return 2;
  }
  let fragment = `example=${DEFAULT_EXAMPLE}`;
  if (options.file !== null) {
    let source: string;
    try {
      source = readFileSync(options.file, "utf8");
    } catch (e) {
      process.stderr.write(`heapscope serve: can't open file '${options.file}': ${(e as Error).message}\n`);
      return 2;
    }
    fragment = codeFragment(source);
  } else if (options.example !== null) {
    const known = pageExamples(root);
    if (known.length > 0 && !known.includes(options.example)) {
      process.stderr.write(`heapscope serve: no example '${options.example}'; the examples are: ${known.join(", ")}\n`);
      return 2;
    }
    fragment = `example=${options.example}`;
  }
  const { server, url } = await startServer(root, options.port);
  const what = options.file !== null ? options.file : (options.example ?? DEFAULT_EXAMPLE).replace(/_/g, " ");
  process.stdout.write(`heapscope playground: ${url}#${fragment}\n(open it in a browser; it starts on ${what}: press Run. Ctrl+C stops the server)\n`);
  return new Promise((resolve) => {
    const stop = (): void => {
      server.close(() => resolve(0));
      server.closeAllConnections();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
