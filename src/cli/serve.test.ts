// `heapscope serve` and `heapscope trace`: the local server and the self-contained report.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import type { Server } from "node:http";
import { startServer } from "./serve.js";
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
