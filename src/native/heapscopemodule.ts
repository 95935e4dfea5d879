// No CPython counterpart: `_heapscope`, the introspection module heapscope adds for Python
// programs (what sys.getrefcount, id() and sys._debugmallocstats show, as values), written
// on heapscope/native itself so that the API serves a real builtin module.
//
//   _heapscope.refcount(obj)       ob_refcnt as the call sees it (like sys.getrefcount, the
//                                  caller's argument slot is one of the references)
//   _heapscope.address(obj)        the object's address (id())
//   _heapscope.block(obj)          (block address, block size, pre-header bytes) of the
//                                  allocator block holding the object, or None if static
//   _heapscope.is_static(obj)      is it a statically allocated object (small int, None, ...)?
//   _heapscope.allocated_blocks()  sys.getallocatedblocks()
//   _heapscope.allocator_stats()   dict of pymalloc / raw malloc / native buffer figures
//   _heapscope.gil_held()          the GIL state seen by native code

import type { PyObject } from "../runtime/object.js";
import { allocator, isStaticAddress, preHeaderSize } from "../runtime/heap.js";
import { arg } from "./args.js";
import { PyDict, PyTuple } from "./containers.js";
import { PyLong } from "./objects.js";
import { defineModule } from "./module.js";
import { NativeAllocator } from "./allocator.js";
import { gilHeld } from "./gil.js";
import { PyNone } from "./objects.js";
import type { Ref } from "./refs.js";

function isStaticObject(o: PyObject): boolean {
  return isStaticAddress(o.address);
}

/** Sets `d[key] = value` for a JS number, releasing the int at once. */
function setNumber(d: Ref<PyObject>, key: string, value: number): void {
  using v = PyLong.create(value);
  PyDict.setItem(d, key, v);
}

export const heapscopeModule = defineModule("_heapscope", {
  doc: "Introspection of heapscope's memory model: refcounts, addresses, allocator blocks and statistics.",
})
  .function("refcount", {
    args: { obj: arg.object() },
    positionalOnly: true,
    doc: "refcount(obj) -> int\n\nThe object's reference count (ob_refcnt); as with sys.getrefcount, the argument itself holds one.",
    fn: ({ obj }) => obj.refcnt,
  })
  .function("address", {
    args: { obj: arg.object() },
    positionalOnly: true,
    doc: "address(obj) -> int\n\nThe address of the object's struct (what id() returns).",
    fn: ({ obj }) => obj.obj.address,
  })
  .function("is_static", {
    args: { obj: arg.object() },
    positionalOnly: true,
    doc: "is_static(obj) -> bool\n\nTrue for statically allocated objects (small ints, None, static types...).",
    fn: ({ obj }) => isStaticObject(obj.obj),
  })
  .function("block", {
    args: { obj: arg.object() },
    positionalOnly: true,
    doc: "block(obj) -> (address, size, preheader) or None\n\nThe allocator block holding the object: its address, usable size and the bytes in front of the struct (GC head, managed dict pointers).",
    fn: ({ obj }) => {
      const o = obj.obj;
      if (isStaticObject(o)) return PyNone.create();
      const pre = preHeaderSize(o.type);
      const blockAddress = o.address - pre;
      return PyTuple.fromOwned([PyLong.create(blockAddress), PyLong.create(allocator.usableSize(blockAddress)), PyLong.create(pre)]);
    },
  })
  .function("allocated_blocks", {
    doc: "allocated_blocks() -> int\n\nBlocks allocated by pymalloc and its raw fallback (sys.getallocatedblocks()).",
    fn: () => allocator.getAllocatedBlocks(),
  })
  .function("allocator_stats", {
    doc: "allocator_stats() -> dict\n\nFigures of the allocator model: pymalloc arenas and blocks, raw malloc blocks and bytes, native buffers.",
    fn: () => {
      const snapshot = allocator.snapshot();
      const natives = NativeAllocator.stats();
      using d = PyDict.new();
      setNumber(d, "allocated_blocks", snapshot.allocatedBlocks);
      setNumber(d, "arenas", snapshot.pymalloc.arenasCurrent);
      setNumber(d, "arenas_highwater", snapshot.pymalloc.arenasHighwater);
      setNumber(d, "raw_blocks", snapshot.raw.blocksInUse);
      setNumber(d, "raw_bytes", snapshot.raw.requestedBytes);
      setNumber(d, "mmapped_blocks", snapshot.raw.mmappedBlocks);
      setNumber(d, "native_buffers", natives.buffers);
      setNumber(d, "native_bytes", natives.bytes);
      return d.move();
    },
  })
  .function("gil_held", {
    doc: "gil_held() -> bool\n\nWhether native code currently holds the GIL.",
    fn: () => gilHeld(),
  })
  .register();
