// Objects/obmalloc.c: pymalloc_alloc / pymalloc_free under load. Throughput of the memory
// layer's hottest path: 10,000,000 small-block allocations and as many frees, in a mix
// shaped like an object-heavy Python program. Run `npm run build` first.
//
// The mix, per allocation (sizes follow what CPython 3.11 objects request):
//   ~60% temporaries freed almost at once (LIFO, like intermediate ints, floats, tuples),
//   ~35% replace a random member of a 100,000-block working set (longer-lived objects),
//   ~5%  join a burst that is built up to 200,000 blocks and then dropped whole (a list
//        of objects going out of scope: new arenas, then emptied pools and released arenas).

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Allocator, DOMAIN_OBJ, PyMalloc } from "../dist/memory/index.js";

const TOTAL_ALLOCATIONS = 10_000_000;
const WORKING_SET = 100_000;
const BURST_LIMIT = 200_000;
const RANDOM_TABLE = 1 << 20;

// Request sizes with weights, after what 3.11 objects ask for: 16 object(), 24 float,
// 28/32 int, 40/48 small tuples and strs, 56 list or plain instance, 64 dict, then longer
// strs, bigger tuples and small tables up to the 512-byte limit.
const SIZE_WEIGHTS = [
  [16, 8], [28, 14], [32, 14], [24, 10], [40, 6], [56, 12], [64, 8], [48, 6], [80, 5],
  [96, 4], [120, 3], [160, 3], [200, 2], [232, 1], [300, 1], [400, 1], [512, 1],
];

function makeTables() {
  let seed = 0x9e3779b9;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const weighted = [];
  for (const [size, weight] of SIZE_WEIGHTS) for (let i = 0; i < weight; i++) weighted.push(size);
  const sizes = new Int32Array(RANDOM_TABLE);
  const choices = new Int32Array(RANDOM_TABLE);
  const slots = new Int32Array(RANDOM_TABLE);
  for (let i = 0; i < RANDOM_TABLE; i++) {
    const size = weighted[next() % weighted.length];
    sizes[i] = size - (next() % 8 === 0 ? 8 : 0); // some requests fall just under a class edge
    choices[i] = next() % 100;
    slots[i] = next() % WORKING_SET;
  }
  return { sizes, choices, slots };
}

function run(label, malloc, free, allocations = TOTAL_ALLOCATIONS) {
  const { sizes, choices, slots } = makeTables();
  const working = new Float64Array(WORKING_SET);
  const burst = new Float64Array(BURST_LIMIT);
  const temporaries = new Float64Array(8);
  let burstLength = 0;
  let temporaryDepth = 0;

  const started = process.hrtime.bigint();
  for (let i = 0; i < allocations; i++) {
    const r = i & (RANDOM_TABLE - 1);
    const address = malloc(sizes[r]);
    const choice = choices[r];
    if (choice < 60) {
      temporaries[temporaryDepth++] = address;
      // Expressions nest a few levels deep before their temporaries die, newest first.
      if (temporaryDepth >= 1 + (choice & 7)) {
        while (temporaryDepth > 0) free(temporaries[--temporaryDepth]);
      }
    } else if (choice < 95) {
      const slot = slots[r];
      const old = working[slot];
      if (old !== 0) free(old);
      working[slot] = address;
    } else {
      burst[burstLength++] = address;
      if (burstLength === BURST_LIMIT) {
        for (let j = 0; j < burstLength; j++) free(burst[j]);
        burstLength = 0;
      }
    }
  }
  while (temporaryDepth > 0) free(temporaries[--temporaryDepth]);
  for (let j = 0; j < burstLength; j++) free(burst[j]);
  for (let j = 0; j < WORKING_SET; j++) if (working[j] !== 0) free(working[j]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const operations = 2 * allocations;
  const rate = operations / seconds;
  if (label !== null) {
    console.log(
      `${label}: ${allocations.toLocaleString("en-US")} mallocs + ${allocations.toLocaleString("en-US")} frees ` +
        `in ${seconds.toFixed(3)} s = ${(rate / 1e6).toFixed(1)} M ops/s (${(1e9 / rate).toFixed(1)} ns/op)`,
    );
  }
  return rate;
}

const WARM_UP_ALLOCATIONS = 1_000_000;

// Each target runs in its own process so that none inherits another's type feedback. Each
// first runs an untimed warm-up through the same functions and instance (everything it
// allocates is freed again), so the timed run measures optimised code.
const target = process.argv[2] ?? "allocator";
if (target === "pymalloc") {
  const pymalloc = new PyMalloc();
  const malloc = (size) => pymalloc.malloc(size);
  const free = (address) => pymalloc.free(address);
  run(null, malloc, free, WARM_UP_ALLOCATIONS);
  run("PyMalloc directly      ", malloc, free);
} else if (target === "harness") {
  // The same loop with a do-nothing allocator: what the mix itself costs per operation.
  let next = 16;
  const malloc = (size) => (next += size);
  const free = (address) => {
    if (address < 0) next = 0;
  };
  run(null, malloc, free, WARM_UP_ALLOCATIONS);
  run("harness alone (no-op)  ", malloc, free);
} else {
  const allocator = new Allocator();
  const malloc = (size) => allocator.malloc(DOMAIN_OBJ, size);
  const free = (address) => allocator.free(DOMAIN_OBJ, address);
  run(null, malloc, free, WARM_UP_ALLOCATIONS);
  const before = allocator.snapshot().pymalloc;
  run("Allocator, OBJ domain  ", malloc, free);
  const stats = allocator.snapshot().pymalloc;
  console.log(
    `  afterwards: ${allocator.getAllocatedBlocks()} blocks allocated; during the run ` +
      `${stats.arenasAllocatedTotal - before.arenasAllocatedTotal} arenas mapped, ` +
      `${stats.arenasReclaimed - before.arenasReclaimed} released, highwater ${stats.arenasHighwater}`,
  );
  const self = fileURLToPath(import.meta.url);
  spawnSync(process.execPath, [self, "pymalloc"], { stdio: "inherit" });
  spawnSync(process.execPath, [self, "harness"], { stdio: "inherit" });
}
