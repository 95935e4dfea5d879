import { test } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { runProgramText } from "./iomodule_testutil.js";
test("scratch", async () => {
  let report = "";
  for (const file of process.env.PYFILE!.split(",")) {
    const got = await runProgramText(readFileSync(file, "utf8"), file);
    const outFile = file.replace(/\.py$/, ".out");
    if (existsSync(outFile) && !file.startsWith("/tmp")) {
      const want = readFileSync(outFile, "utf8");
      report += (got === want ? "PASS " : "FAIL ") + file + "\n";
      if (got !== want) report += "--- got\n" + got + "--- want\n" + want;
    } else report += got;
  }
  writeFileSync("/tmp/scratch.out", report);
}, 1200000);
