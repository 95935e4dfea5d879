// `heapscope run --stats`: a memory summary printed to stderr when the program ends, before
// finalization tears the interpreter down. It reads what CPython would let a program read
// through gc.get_objects(), gc.get_stats(), sys.getallocatedblocks() and
// sys._debugmallocstats(), condensed to a few lines; nothing here changes the heap.

import type { PyObject } from "../runtime/object.js";
import { allocator } from "../runtime/heap.js";
import { gcstate, NUM_GENERATIONS } from "../runtime/gcstate.js";

const TOP_TYPES = 8;

function grouped(n: number): string {
  return n.toLocaleString("en-US");
}

function countTrackedByType(counts: Map<string, number>, head: PyObject): number {
  let n = 0;
  for (let o = head.gcNext as PyObject; o !== head; o = o.gcNext as PyObject) {
    const name = o.type.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    n++;
  }
  return n;
}

/** The summary's text, one fact per line. */
export function formatRunStats(): string {
  const lines: string[] = ["heapscope --stats: memory when the program ended"];

  const byType = new Map<string, number>();
  const perGeneration: number[] = [];
  for (let g = 0; g < NUM_GENERATIONS; g++) perGeneration.push(countTrackedByType(byType, gcstate.generations[g]!.head));
  const permanent = countTrackedByType(byType, gcstate.permanent.head);
  const tracked = perGeneration.reduce((a, b) => a + b, 0) + permanent;
  lines.push(
    `  objects tracked by the collector: ${grouped(tracked)} ` +
      `(generations 0/1/2: ${perGeneration.map(grouped).join(" / ")}, permanent: ${grouped(permanent)})`,
  );
  const top = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_TYPES);
  if (top.length > 0) lines.push(`    most common: ${top.map(([name, n]) => `${name} ${grouped(n)}`).join(", ")}`);

  lines.push(
    `  collections: ` +
      gcstate.stats
        .map((s, g) => `generation ${g}: ${grouped(s.collections)} (collected ${grouped(s.collected)}, uncollectable ${grouped(s.uncollectable)})`)
        .join("; "),
  );

  const snap = allocator.snapshot();
  const pm = snap.pymalloc;
  let pools = 0;
  let blockBytes = 0;
  for (const c of pm.classes) {
    pools += c.pools;
    blockBytes += c.blocksInUse * c.blockSize;
  }
  lines.push(
    `  pymalloc: ${grouped(pm.arenasCurrent)} arenas in use (highwater ${grouped(pm.arenasHighwater)}, ` +
      `${grouped(pm.arenasAllocatedTotal)} allocated, ${grouped(pm.arenasReclaimed)} released), ` +
      `${grouped(pools)} pools in use, ${grouped(pm.allocatedBlocks)} blocks in use (${grouped(blockBytes)} bytes)`,
  );
  const raw = snap.raw;
  lines.push(
    `  raw allocator: ${grouped(raw.blocksInUse)} blocks, ${grouped(raw.requestedBytes)} bytes requested ` +
      `(${grouped(raw.chunkBytes)} with overhead; ${grouped(raw.mmappedBlocks)} mmapped, ${grouped(raw.mmappedBytes)} bytes)`,
  );
  lines.push(`  sys.getallocatedblocks(): ${grouped(snap.allocatedBlocks)}`);
  return lines.join("\n") + "\n";
}
