#!/usr/bin/env node
// `npm run conformance [-- --report] [filters...]`: runs the corpus under heapscope.
// --report prints the pass rate per topic and the first differing line of each failure.
// --record-failures rewrites tests/conformance/known-failures.txt with the programs that fail
// now, each with its first difference as the reason (for the first list only: afterwards the
// list may only shrink, so remove lines by hand as programs start passing).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkAll, listPrograms, readKnownFailures } from "./conformance-run.mjs";
import { corpusRoot } from "./conformance-paths.mjs";

const args = process.argv.slice(2);
const report = args.includes("--report");
const record = args.includes("--record-failures");
const filters = args.filter((a) => !a.startsWith("--"));
const programs = listPrograms().filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)));
const known = readKnownFailures();
const results = await checkAll(programs);

const topics = new Map();
for (const r of results) {
  const topic = r.name.split("/")[0];
  const t = topics.get(topic) ?? { passed: 0, total: 0 };
  t.total++;
  if (r.passed) t.passed++;
  topics.set(topic, t);
}
if (report) {
  console.log("topic                 passed   total   rate");
  for (const [topic, t] of [...topics].sort()) {
    console.log(`${topic.padEnd(20)} ${String(t.passed).padStart(7)} ${String(t.total).padStart(7)}   ${((100 * t.passed) / t.total).toFixed(1)}%`);
  }
  console.log("");
}
let unexpected = 0;
for (const r of results) {
  if (!r.passed) {
    const listed = known.has(r.name);
    if (!listed) unexpected++;
    if (report || !listed) console.log(`FAIL ${r.name}${listed ? " (known)" : ""}: ${r.difference}`);
  } else if (known.has(r.name)) {
    unexpected++;
    console.log(`PASS ${r.name} is listed in known-failures.txt: remove it from the list`);
  }
}
if (record) {
  const lines = ["# Conformance programs that do not pass yet, each with its first difference.", "# This list may only shrink: fix the engine, then delete the line."];
  for (const r of results) if (!r.passed) lines.push(`${r.name} ${r.difference.replace(/\s+/g, " ").slice(0, 200)}`);
  writeFileSync(join(corpusRoot, "known-failures.txt"), lines.join("\n") + "\n");
  console.log(`known-failures.txt: ${lines.length - 2} programs`);
}
const passed = results.filter((r) => r.passed).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(unexpected > 0 ? 1 : 0);
