// The playground and the HTML report in a real browser: Debian's chromium driven by
// playwright-core. The page is the built one (`npm run build` writes dist/web and
// dist/web-report). Screenshots go to test-results/playground/.
//
// Without /usr/bin/chromium (a developer machine without it) the tests are skipped with a
// message; .ci/run installs it in CI.

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Server } from "node:http";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startServer } from "../../src/cli/serve.js";
import { reportHtml } from "../../src/cli/trace.js";
import { recordProgram } from "../../src/trace/record.js";

const CHROMIUM = process.env.HEAPSCOPE_CHROMIUM ?? "/usr/bin/chromium";
const repo = fileURLToPath(new URL("../..", import.meta.url));
const pageDir = join(repo, "dist", "web");
const reportBundle = join(repo, "dist", "web-report", "report.js");
const shots = join(repo, "test-results", "playground");
const haveChromium = existsSync(CHROMIUM);
const haveBuild = existsSync(join(pageDir, "index.html")) && existsSync(reportBundle);

if (!haveChromium) console.warn(`playground browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
if (!haveBuild) console.warn("playground browser tests skipped: the page is not built (npm run build)");

describe.skipIf(!haveChromium || !haveBuild)("the playground in chromium", () => {
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let profile: string;
  const outside: string[] = [];

  beforeAll(async () => {
    ({ server, url } = await startServer(pageDir));
    profile = mkdtempSync(join(tmpdir(), "heapscope-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
      viewport: { width: 1600, height: 1000 },
    });
    context.on("request", (request) => {
      const u = request.url();
      if (!u.startsWith(url) && !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:")) outside.push(u);
    });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      throw new Error(`page error: ${error.message}`);
    });
    return page;
  }

  /** Clicks Step once and waits for the views to show the next step. */
  async function stepOnce(page: Page): Promise<void> {
    const before = Number(await page.locator(".viewer").getAttribute("data-step"));
    await page.locator("#step").click();
    await expect.poll(() => page.locator(".viewer").getAttribute("data-step")).toBe(String(before + 1));
  }

  /** Clicks Step until the step that ran `line` (at or after the current step). */
  async function stepToLine(page: Page, line: number): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const label = await page.locator("#step-label").textContent();
      if (label !== null && label.endsWith(`line ${line}`)) return;
      await stepOnce(page);
    }
    throw new Error(`never reached line ${line}`);
  }

  test("runs 'cycles and gc', shows the cycle as unreachable garbage, then collected", async () => {
    const page = await newPage();
    await page.goto(`${url}#example=cycles_and_gc`);
    await expect.poll(() => page.locator("#examples").inputValue()).toBe("cycles_and_gc");
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 120_000 }).toMatch(/^recorded \d+ steps/);
    await expect.poll(() => page.locator("#output").textContent()).toBe("");

    // Line 22 is `del a, b`: after it the two nodes only hold each other.
    await stepToLine(page, 22);
    const garbageNodes = page.locator('#graph .box.garbage[data-type="Node"]');
    await expect.poll(() => garbageNodes.count()).toBe(2);
    await expect.poll(() => page.locator("#graph .garbage-title").count()).toBe(1);
    expect(await page.locator("#graph .edge.cycle").count()).toBeGreaterThanOrEqual(2);
    const changes = await page.locator("#changes").textContent();
    expect(changes).toMatch(/now unreachable but not freed/);
    await page.screenshot({ path: join(shots, "cycle-garbage.png") });

    // Select a node: its refcount is explained by the other node's `next`.
    await garbageNodes.first().click();
    await expect.poll(() => page.locator("#object").textContent()).toMatch(/\.next/);
    expect(await page.locator("#object").textContent()).toMatch(/garbage kept alive only by a reference cycle/);
    await page.screenshot({ path: join(shots, "cycle-selected.png") });

    // Line 24 is `found = gc.collect()`. The collector calls each node's __del__ (line 14,
    // steps of their own, inside the collection), then frees both.
    await stepToLine(page, 24);
    await stepToLine(page, 14);
    expect(await page.locator("#gc").textContent()).toMatch(/generation-2 collection is running/);
    await page.screenshot({ path: join(shots, "cycle-finalizer.png") });
    const freed = page.locator("#graph .box.freed");
    for (let i = 0; i < 10 && (await freed.count()) === 0; i++) await stepOnce(page);
    await expect.poll(async () => (await freed.allTextContents()).join(" ")).toMatch(/Node#\d+.*collected as cyclic garbage.*__del__ ran/);
    expect(await page.locator("#output").textContent()).toMatch(/freeing node 1\nfreeing node 2/);
    await page.screenshot({ path: join(shots, "cycle-collected.png") });
    await stepToLine(page, 25);
    await expect.poll(() => garbageNodes.count()).toBe(0);
    expect(await page.locator("#gc").textContent()).toMatch(/gen 2 \(explicit\): 2 collected/);

    // Nothing was fetched from outside the local server.
    expect(outside).toEqual([]);
    await page.close();
  });

  test("the timeline scrubs and the program is kept in the URL", async () => {
    const page = await newPage();
    await page.goto(`${url}#example=refcount_basics`);
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 120_000 }).toMatch(/^recorded/);
    const max = Number(await page.locator("#timeline").getAttribute("max"));
    expect(max).toBeGreaterThan(10);
    await page.locator("#timeline").fill(String(max));
    await expect.poll(() => page.locator("#output").textContent()).toMatch(/30 True/);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.locator("#step-label").textContent()).toMatch(new RegExp(`step ${max - 1} /`));
    // Edit the program: the fragment follows, and a reload restores the text.
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nprint('edited')\n");
    await expect.poll(() => page.evaluate(() => {
      const code = new URLSearchParams(location.hash.slice(1)).get("code") ?? "";
      return atob(code.replace(/-/g, "+").replace(/_/g, "/"));
    })).toMatch(/print\('edited'\)\n$/);
    await page.reload();
    await expect.poll(() => page.evaluate(() => (window as unknown as { heapscope: { viewer: { code: { text: string } } } }).heapscope.viewer.code.text)).toMatch(/print\('edited'\)\n$/);
    await page.screenshot({ path: join(shots, "refcount-basics.png") });
    await page.close();
  });

  test("Stop ends a runaway program at once and keeps its steps", async () => {
    const page = await newPage();
    const source = "total = 0\nwhile True:\n    total += 1\n";
    const encoded = Buffer.from(source).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    await page.goto(`${url}#code=${encoded}`);
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 60_000 }).toMatch(/recording… \d+ steps/);
    const started = Date.now();
    await page.locator("#stop").click();
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/stopped by you after \d+ recorded steps/);
    expect(Date.now() - started).toBeLessThan(1000);
    // The page stays responsive and the recorded steps can be viewed.
    const max = Number(await page.locator("#timeline").getAttribute("max"));
    expect(max).toBeGreaterThan(0);
    await page.locator("#timeline").fill(String(max));
    await expect.poll(() => page.locator("#step-label").textContent()).toMatch(/line [23]/);
    expect(await page.locator("#run").isEnabled()).toBe(true);
    await page.screenshot({ path: join(shots, "stopped.png") });
    await page.close();
  });

  test("the graph and the memory plot export as SVG and PNG", async () => {
    const page = await newPage();
    await page.goto(`${url}#example=cycles_and_gc`);
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 120_000 }).toMatch(/^recorded \d+ steps/);
    await stepToLine(page, 22);
    const saved: Record<string, Buffer> = {};
    for (const id of ["export-graph-svg", "export-graph-png", "export-plot-svg", "export-plot-png"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
      const path = join(shots, `${id}.${id.endsWith("svg") ? "svg" : "png"}`);
      await download.saveAs(path);
      saved[id] = readFileSync(path);
      expect(download.suggestedFilename()).toMatch(id.includes("graph") ? /^heapscope-step-\d+\.(svg|png)$/ : /^heapscope-memory\.(svg|png)$/);
    }
    const graphSvg = saved["export-graph-svg"]!.toString("utf8");
    expect(graphSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(graphSvg).toContain("<style>");
    expect(graphSvg).toContain("Unreachable but not freed");
    expect(saved["export-plot-svg"]!.toString("utf8")).toContain("traced-line");
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const id of ["export-graph-png", "export-plot-png"]) {
      const png = saved[id]!;
      expect(png.subarray(0, 8).equals(PNG)).toBe(true);
      // IHDR: width and height at 2x the SVG's size.
      expect(png.readUInt32BE(16)).toBeGreaterThan(300);
      expect(png.readUInt32BE(20)).toBeGreaterThan(100);
    }
    await page.close();
  });

  test("a 100,000-step run records and the timeline scrubs across it", async () => {
    const page = await newPage();
    const source = "total = 0\nfor i in range(49_990):\n    total += i\nprint(total)\n";
    const encoded = Buffer.from(source).toString("base64url");
    await page.goto(`${url}#code=${encoded}`);
    await page.locator("#run").click();
    // While it records, the page answers and the steps recorded so far can be viewed.
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 120_000 }).toMatch(/recording… \d{4,} steps|^recorded/);
    await page.locator("#timeline").fill("500");
    await expect.poll(() => page.locator("#step-label").textContent(), { timeout: 30_000 }).toMatch(/^step 500 \//);
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 300_000 }).toMatch(/^recorded \d+ steps/);
    const max = Number(await page.locator("#timeline").getAttribute("max"));
    expect(max).toBeGreaterThanOrEqual(99_980);
    expect(max).toBeLessThan(100_000);
    // Scrub: far positions (rebuilt from the nearest keyframe), back and forth.
    for (const target of [max, Math.floor(max / 2), 7, max - 3, Math.floor(max / 3) * 2 + 1]) {
      await page.locator("#timeline").fill(String(target));
      await expect.poll(() => page.locator(".viewer").getAttribute("data-step"), { timeout: 30_000 }).toBe(String(target));
    }
    await page.locator("#timeline").fill(String(max));
    await expect.poll(() => page.locator("#output").textContent(), { timeout: 30_000 }).toBe(`${(49_990 * 49_989) / 2}\n`);
    // The frame shows `total` as of the selected step.
    await page.locator("#timeline").fill("9");
    await expect.poll(() => page.locator(".viewer").getAttribute("data-step"), { timeout: 30_000 }).toBe("9");
    expect(await page.locator("#graph .frame").textContent()).toMatch(/total/);
    await page.screenshot({ path: join(shots, "hundred-thousand-steps.png") });
    await page.close();
  });

  test("a large heap: containers collapse, objects beyond the limit are counted by type", async () => {
    const page = await newPage();
    const source = "class Node:\n    pass\nnodes = [Node() for i in range(300)]\nz = 0\n";
    await page.goto(`${url}#code=${Buffer.from(source).toString("base64url")}`);
    await page.locator("#run").click();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 120_000 }).toMatch(/^recorded \d+ steps/);
    const lastLine4 = await page.evaluate(() => (window as unknown as { heapscope: { viewer: { trace: { steps: { line: number[] } } } } }).heapscope.viewer.trace.steps.line.lastIndexOf(4));
    await page.locator("#timeline").fill(String(lastLine4));
    await expect.poll(() => page.locator("#step-label").textContent()).toMatch(/line 4$/);
    const list = page.locator('#graph .box[data-type="list"]');
    await expect.poll(() => list.textContent()).toMatch(/…288 more/);
    await page.locator("#opt-itemsShown").selectOption("64");
    await expect.poll(() => list.textContent()).toMatch(/…236 more/);
    expect(await page.locator('#graph .box[data-type="Node"]').count()).toBe(64);
    await page.locator("#opt-maxBoxes").selectOption("40");
    await expect.poll(() => page.locator("#graph .grouped").textContent()).toMatch(/by type: \d+ Node/);
    await page.screenshot({ path: join(shots, "large-heap.png") });
    await page.close();
  });

  test("a `heapscope trace` report opens from disk with nothing fetched", async () => {
    const source = readFileSync(join(repo, "web", "examples", "cycles_and_gc.py"), "utf8");
    const { trace } = await recordProgram({ source, filename: "cycles_and_gc.py" });
    const dir = mkdtempSync(join(tmpdir(), "heapscope-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, reportHtml(trace, readFileSync(reportBundle, "utf8")));
    const page = await newPage();
    await page.goto(`file://${file}`);
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/recorded \d+ steps/);
    await stepToLine(page, 22);
    await expect.poll(() => page.locator('#graph .box.garbage[data-type="Node"]').count()).toBe(2);
    await page.screenshot({ path: join(shots, "report.png") });
    await page.close();
    rmSync(dir, { recursive: true, force: true });
    expect(outside).toEqual([]);
  });
});
