// The seed examples as one native module that Python code imports: `import memory_examples`.
// Each function is the TypeScript counterpart of a pyz3 / Pydust example (see the files next
// to this one); the module adds a class that owns a native buffer (RAII at the Python level:
// tp_dealloc frees it) and a class holding a reference field.

import {
  NativeAllocator, PyString, arg, defineClass, defineModule, type NativeBuffer,
} from "heapscope/native";
import { createAndReturn, createAndUse, increfExample, trackRefs } from "./refcounting.js";
import { addToList, addToListBetter, addToListLeaky, addToListOwned } from "./containers.js";
import { append, chained, concat } from "./strings.js";
import { earlyReturn, fixedExample, leakExample } from "./leaks.js";
import { alignedAllocation, growingBuffer, processData } from "./buffers.js";
import { useWeakRef } from "./weakref.js";
import { ioOperation, manualGil } from "./gil.js";

/** A Python object owning a native buffer: freed when the object is (tp_dealloc). */
export const Buffer = defineClass({
  name: "Buffer",
  doc: "Buffer(size) -> a native buffer of size bytes, freed with the object.",
  state: (): { buffer: NativeBuffer | null } => ({ buffer: null }),
  stateSize: 8, // the struct's pointer to the native block
})
  .init({
    args: { size: arg.int() },
    fn: (self, { size }) => {
      self.state.buffer?.free();
      self.state.buffer = NativeAllocator.alloc(size);
    },
  })
  .getter("size", (self) => self.state.buffer?.size ?? 0)
  .getter("address", (self) => self.state.buffer?.address ?? 0)
  .onFree((self) => {
    self.state.buffer?.free();
    self.state.buffer = null;
  });

/** A box holding one reference (a GC type: it can sit in a cycle). */
export const Box = defineClass({ name: "Box", fields: ["value"] })
  .init({ args: { value: arg.object() }, fn: (self, { value }) => self.setField("value", value) })
  .member("value");

export const memoryExamples = defineModule("memory_examples", {
  doc: "The pyz3 and Pydust memory-management examples, written on heapscope/native.",
})
  .function("create_and_return", { fn: () => createAndReturn() })
  .function("create_and_use", { fn: () => createAndUse() })
  .function("incref_example", { args: { obj: arg.object() }, fn: (args) => increfExample(args) })
  .function("track_refs", { fn: () => trackRefs().join(",") })
  .function("add_to_list", { fn: () => addToList() })
  .function("add_to_list_better", { fn: () => addToListBetter() })
  .function("add_to_list_owned", { fn: () => addToListOwned() })
  .function("add_to_list_leaky", { fn: () => addToListLeaky() })
  .function("append", { args: { left: arg.instance<PyString>(PyString) }, fn: (args) => append(args) })
  .function("concat", { args: { left: arg.instance<PyString>(PyString) }, fn: (args) => concat(args) })
  .function("chained", { fn: () => chained() })
  .function("fixed_example", { fn: () => fixedExample() })
  .function("leak_example", { fn: () => leakExample() })
  .function("early_return", { args: { value: arg.int() }, fn: (args) => earlyReturn(args) })
  .function("process_data", { args: { size: arg.int() }, fn: (args) => processData(args) })
  .function("aligned_allocation", { args: { alignment: arg.int({ default: 64 }) }, fn: ({ alignment }) => alignedAllocation(alignment) })
  .function("growing_buffer", { fn: () => growingBuffer() })
  .function("use_weak_ref", { args: { obj: arg.object() }, fn: (args) => useWeakRef(args) })
  .function("manual_gil", { fn: () => manualGil() })
  .function("io_operation", { fn: () => ioOperation(1) })
  .class(Buffer)
  .class(Box)
  .register();
