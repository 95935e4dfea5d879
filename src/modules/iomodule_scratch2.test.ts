import { test } from "vitest";
import { readFileSync } from "node:fs";
import { runProgramText } from "./iomodule_testutil.js";
test("timing", async () => {
  for (const file of ["/tmp/pg.py"]) {
    const c0 = process.cpuUsage();
    const out = await runProgramText(readFileSync(file, "utf8"), file);
    const c = process.cpuUsage(c0); console.log((globalThis as any).__walk, (globalThis as any).__calls, (globalThis as any).__tb, (globalThis as any).__rest, (globalThis as any).__get, (globalThis as any).__set, (globalThis as any).__tbl, (globalThis as any).tracer?.traces.size); console.log(file, ((c.user + c.system) / 1000).toFixed(0), "ms cpu", out.slice(0, 200));
  }
}, 1200000);
