// `heapscope serve` and `heapscope trace`: the local server and the self-contained report.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn, spawnSync } from "node:child_process";
import type { Server } from "node:http";
import { DEFAULT_EXAMPLE, codeFragment, startServer } from "./serve.js";
import { reportHtml } from "./trace.js";
import { emptyTrace } from "../trace/log.js";

describe("heapscope serve", () => {
  let root: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "heapscope-serve-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><p>page</p>");
    writeFileSync(join(root, "assets", "a.js"), "export {};");
    writeFileSync(join(tmpdir(), "heapscope-secret.txt"), "secret");
    ({ server, url } = await startServer(root));
  });

  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test("listens on 127.0.0.1 on a free port and serves the page", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("page");
    const script = await fetch(`${url}assets/a.js`);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
  });

  test("serves nothing outside its folder", async () => {
    expect((await fetch(`${url}missing.js`)).status).toBe(404);
    expect((await fetch(`${url}..%2fheapscope-secret.txt`)).status).toBe(404);
    expect((await fetch(`${url}%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });
});

describe("heapscope serve from the command line", () => {
  const repo = fileURLToPath(new URL("../..", import.meta.url));
  const built = existsSync(join(repo, "dist", "web", "index.html")) && existsSync(join(repo, "dist", "web", "examples.json"));

  /** Starts `heapscope serve ARGS`, returns its first line of output, and stops it. */
  async function firstLine(args: string[]): Promise<{ line: string; page: string }> {
    const child = spawn(process.execPath, [join(repo, "bin", "heapscope.js"), "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const url = line.slice(line.indexOf("http"));
      const page = await (await fetch(url)).text();
      return { line, page };
    } finally {
      child.kill("SIGINT");
    }
  }

  test.skipIf(!built)("prints the URL of the page, opening on the 'cycles and gc' example", async () => {
    const { line, page } = await firstLine([]);
    expect(line).toMatch(new RegExp(`^heapscope playground: http://127\\.0\\.0\\.1:\\d+/#example=${DEFAULT_EXAMPLE}$`));
    expect(page).toContain("<div id=\"app\">");
    const examples = JSON.parse(readFileSync(join(repo, "dist", "web", "examples.json"), "utf8")) as { key: string }[];
    expect(examples.map((e) => e.key)).toContain(DEFAULT_EXAMPLE);
    expect(examples.map((e) => e.key).sort()).toEqual(["cycles_and_gc", "object_pool", "refcount_basics", "slots_and_sizes", "tracemalloc_leak_hunt", "weakrefs_and_finalizers", "zero_copy"]);
  });

  test.skipIf(!built)("--example NAME and FILE.py go into the URL's fragment", async () => {
    expect((await firstLine(["--example", "weakrefs and finalizers"])).line).toMatch(/\/#example=weakrefs_and_finalizers$/);
    const dir = mkdtempSync(join(tmpdir(), "heapscope-serve-file-"));
    const program = join(dir, "prog.py");
    const source = "x = [1, 'é']\nprint(x)\n";
    writeFileSync(program, source);
    const { line } = await firstLine([program]);
    const fragment = line.slice(line.indexOf("#") + 1);
    expect(fragment).toBe(codeFragment(source));
    // Decoded as the page does (web/src/main.ts: base64url, then UTF-8).
    const encoded = fragment.slice("code=".length);
    const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
    expect(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))).toBe(source);
    rmSync(dir, { recursive: true, force: true });
    const bad = spawnSync(process.execPath, [join(repo, "bin", "heapscope.js"), "serve", "--example", "nope"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^heapscope serve: no example 'nope'; the examples are: cycles_and_gc, /);
  });
});

describe("heapscope trace", () => {
  test("the report keeps the trace and the viewer inside their script elements", () => {
    const trace = emptyTrace("p.py", "print('</script><script>alert(1)</script>')\n");
    const html = reportHtml(trace, "console.log('</script>');");
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    const json = html.slice(html.indexOf('id="heapscope-trace">') + 21, html.indexOf("</script>"));
    expect(JSON.parse(json).source).toBe(trace.source);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  const repo = fileURLToPath(new URL("../..", import.meta.url));
  const built = existsSync(join(repo, "dist", "cli", "traceworker.js")) && existsSync(join(repo, "dist", "web-report", "report.js"));
  test.skipIf(!built)("writes a self-contained report from the command line", () => {
    const dir = mkdtempSync(join(tmpdir(), "heapscope-trace-"));
    const program = join(dir, "prog.py");
    writeFileSync(program, "a = []\na.append(a)\ndel a\nprint('done')\n");
    const out = join(dir, "report.html");
    const run = spawnSync(process.execPath, [join(repo, "bin", "heapscope.js"), "trace", program, "-o", out], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("done\n");
    expect(run.stderr).toMatch(/wrote .*report\.html \(\d+ steps/);
    const html = readFileSync(out, "utf8");
    const trace = JSON.parse(html.slice(html.indexOf('id="heapscope-trace">') + 21, html.indexOf("</script>")).replace(/\\u003c/g, "<"));
    expect(trace.source).toContain("a.append(a)");
    expect(trace.end.status).toBe("finished");
    expect(html.length).toBeGreaterThan(100_000);
    rmSync(dir, { recursive: true, force: true });
  });
});
