import { test } from "vitest";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import "../runtime/load.js";
import "./gcmodule.js";
import "./weakrefmodule.js";
for (const m of ["./arraymodule.js", "./iomodule.js", "./tracemallocmodule.js"]) {
  if (existsSync(new URL(m.replace(".js", ".ts"), import.meta.url))) await import(m);
}
import { runPython } from "./bltin_testing.js";
test("scratch", () => {
  let report = "";
  for (const file of process.env.PYFILE!.split(",")) {
    const r = runPython(readFileSync(file, "utf8"), file);
    const got = r.stdout + r.stderr + r.error;
    const outFile = file.replace(/\.py$/, ".out");
    if (existsSync(outFile) && file.includes("conformance")) {
      const want = readFileSync(outFile, "utf8");
      report += (got === want ? "PASS " : "FAIL ") + file + "\n";
      if (got !== want) report += "--- got\n" + got + "--- want\n" + want;
    } else report += got;
  }
  writeFileSync("/tmp/scratch.out", report);
});
