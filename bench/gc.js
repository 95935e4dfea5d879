// Collector speed: one full collection over 1,000,000 tracked objects that are all garbage,
// in 500,000 two-list cycles (a = [b], b = [a]). The time covers the whole collection:
// finding the cycles, clearing them and freeing every list and item array.
// Run `npm run build` first; prints one line.

import { collect } from "../dist/runtime/gc.js";
import { decref } from "../dist/runtime/refcount.js";
import { listAppend, newList } from "../dist/runtime/list.js";
import { gcstate } from "../dist/runtime/gcstate.js";

const OBJECTS = 1_000_000;

function makeCycles(objects) {
  for (let i = 0; i < objects; i += 2) {
    const a = newList(0);
    const b = newList(0);
    listAppend(a, b);
    listAppend(b, a);
    decref(a);
    decref(b);
  }
}

gcstate.enabled = false;
makeCycles(100_000); // warm-up
collect(2);
makeCycles(OBJECTS);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const collected = collect(2);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (collected !== OBJECTS) throw new Error(`expected ${OBJECTS} collected, got ${collected}`);
console.log(
  `gc: full collection of ${OBJECTS.toLocaleString("en-US")} tracked objects in cycles: ${ms.toFixed(0)} ms ` +
    `(${collected.toLocaleString("en-US")} collected; process CPU ${cpuMs.toFixed(0)} ms)`,
);
