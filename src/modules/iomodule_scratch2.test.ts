import { test } from "vitest";
import { readFileSync } from "node:fs";
import { runProgramText } from "./iomodule_testutil.js";
test("timing", async () => {
  for (const file of ["/tmp/tx.py"]) {
    const c0 = process.cpuUsage();
    const out = await runProgramText(readFileSync(file, "utf8"), file);
    const c = process.cpuUsage(c0); console.log(file, ((c.user + c.system) / 1000).toFixed(0), "ms cpu", out);
  }
}, 1200000);
