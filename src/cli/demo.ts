// `heapscope demo`: a short tour of the memory core through its TypeScript API, no Python
// needed: two lists that reference each other survive `del`, a collection frees them, and
// pymalloc hands their blocks out again.

import { newList, listAppend, type PyList } from "../runtime/list.js";
import { decref } from "../runtime/refcount.js";
import { collect, getCount } from "../runtime/gc.js";
import { allocator, preHeaderSize } from "../runtime/heap.js";

function describe(name: string, l: PyList): string {
  return `${name}: list at 0x${l.address.toString(16)}, refcount ${l.refcnt}, ${preHeaderSize(l.type) + 40 + 8 * l.allocated} bytes`;
}

export function runDemo(write: (text: string) => void): number {
  write("heapscope demo: CPython 3.11's memory management, step by step\n\n");
  collect(2);
  const a = newList(0);
  const b = newList(0);
  listAppend(a, b);
  listAppend(b, a);
  write("l1 = []; l2 = []; l1.append(l2); l2.append(l1)\n");
  write(`  ${describe("l1", a)}\n  ${describe("l2", b)}\n`);
  write(`  gc.get_count() = (${getCount().join(", ")})\n\n`);
  const addressA = a.address;
  decref(a);
  decref(b);
  write("del l1, l2   # each still holds the other: refcounts stay at 1\n");
  write(`  l1 refcount ${a.refcnt}, l2 refcount ${b.refcnt}: unreachable, but not freed\n\n`);
  const found = collect(2);
  write(`gc.collect() -> ${found}   # the cycle is found and freed\n\n`);
  const again = newList(0);
  write(`a new list reuses a freed block: 0x${again.address.toString(16)} (l1 was at 0x${addressA.toString(16)})\n`);
  decref(again);
  const stats = allocator.snapshot();
  write(`\nallocator: ${stats.arenas.length} arena(s), ${stats.allocatedBlocks} blocks in use\n`);
  write("\nRun a Python program with: heapscope run FILE.py\n");
  return 0;
}
