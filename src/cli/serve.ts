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

export async function serveCommand(argv: string[]): Promise<number> {
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--port" || arg.startsWith("--port=")) {
      const value = Number(arg.includes("=") ? arg.slice(7) : argv[++i]);
      if (!Number.isInteger(value) || value < 0 || value > 65535) {
        process.stderr.write("heapscope serve: --port needs a port number\n");
        return 2;
      }
      port = value;
    } else if (arg === "-h" || arg === "--help") {
      process.stdout.write("usage: heapscope serve [--port N]\n\nServes the playground on http://127.0.0.1 (a free port by default) and prints its URL.\n");
      return 0;
    } else {
      process.stderr.write(`heapscope serve: unknown option '${arg}'\n`);
      return 2;
    }
  }
  const root = pageRoot();
  if (!existsSync(join(root, "index.html"))) {
    process.stderr.write(`heapscope serve: the page is not built (${root}); run \`npm run build\`\n`);
    return 2;
  }
  const { server, url } = await startServer(root, port);
  process.stdout.write(`heapscope playground: ${url}\n(press Ctrl+C to stop)\n`);
  return new Promise((resolve) => {
    const stop = (): void => {
      server.close(() => resolve(0));
      server.closeAllConnections();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
