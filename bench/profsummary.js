#!/usr/bin/env node
// Prints the functions with the most self time in a .cpuprofile (from `node --cpu-prof`):
// `node bench/profsummary.js FILE.cpuprofile [N]`.
import { readFileSync } from "node:fs";

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const limit = Number(process.argv[3] ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const f = node.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/dist\//, "")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}

// `node bench/profsummary.js FILE.cpuprofile N FUNCTION`: also the hottest lines of FUNCTION
// (from the profile's positionTicks; lines are those of the emitted dist/ JavaScript).
const focus = process.argv[4];
if (focus !== undefined) {
  const lines = new Map();
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== focus || n.positionTicks === undefined) continue;
    for (const t of n.positionTicks) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
  }
  const sum = [...lines.values()].reduce((a, b) => a + b, 0);
  console.log(`\nlines of ${focus} (${sum} ticks):`);
  for (const [line, ticks] of [...lines.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(`${((100 * ticks) / sum).toFixed(1).padStart(5)}%  line ${line}`);
  }
}
