// Allocation and deallocation speed through the object API: 10,000,000 small objects, half
// of them ints outside the small-int cache (non-GC, pymalloc), half GC-tracked test nodes
// (allocGCObject, generation-0 count, tracking), each freed by its last decref.
// Run `npm run build` first; prints one line.

import { newInt } from "../dist/runtime/int.js";
import { decref } from "../dist/runtime/refcount.js";
import { newNode } from "../dist/runtime/testing/nodes.js";
import { gcstate } from "../dist/runtime/gcstate.js";

const TOTAL = 10_000_000;

function run(count) {
  for (let i = 0; i < count; i += 2) {
    decref(newInt(1000 + (i & 0xffff)));
    decref(newNode());
  }
}

gcstate.enabled = false;
run(200_000); // warm-up
const cpu0 = process.cpuUsage();
const t0 = performance.now();
run(TOTAL);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = TOTAL / seconds / 1e6;
console.log(
  `objects: ${TOTAL.toLocaleString("en-US")} small objects allocated and freed in ${seconds.toFixed(2)} s ` +
    `(${rate.toFixed(2)} M objects/s; half ints, half GC nodes; process CPU ${cpuSeconds.toFixed(2)} s)`,
);
