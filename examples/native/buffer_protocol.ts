// pyz3's "Buffer Protocol" (create_buffer: native memory shared with Python without a copy),
// with the management pyz3 leaves as "complex": a class whose instances own a native buffer
// (freed in tp_dealloc), export it through the buffer protocol (memoryview, bytes(), ...), and
// refuse to resize it while a view is alive, as bytearray does.

import { NativeAllocator, PyExc, arg, defineClass, defineModule, raiseError, type NativeBuffer } from "heapscope/native";

export const SharedBuffer = defineClass({
  name: "SharedBuffer",
  doc: "SharedBuffer(size) -> native memory exposed through the buffer protocol.",
  state: (): { memory: NativeBuffer | null } => ({ memory: null }),
  stateSize: 8,
})
  .init({
    args: { size: arg.int() },
    fn: (self, { size }) => {
      if (self.state.memory !== null) raiseError(PyExc.RuntimeError, "already initialized");
      self.state.memory = NativeAllocator.alloc(size);
      self.state.memory.bytes.forEach((_, i, a) => (a[i] = i & 0xff));
    },
  })
  .buffer((self) => {
    if (self.state.memory === null) raiseError(PyExc.ValueError, "uninitialized SharedBuffer");
    return self.state.memory.bytes;
  })
  .method("resize", {
    args: { size: arg.int() },
    fn: (self, { size }) => {
      if (self.exports > 0) raiseError(PyExc.BufferError, "Existing exports of data: object cannot be re-sized");
      if (self.state.memory === null) raiseError(PyExc.ValueError, "uninitialized SharedBuffer");
      NativeAllocator.realloc(self.state.memory, size);
    },
  })
  .getter("address", (self) => self.state.memory?.address ?? 0)
  .onFree((self) => {
    self.state.memory?.free();
    self.state.memory = null;
  });

export const bufferModule = defineModule("buffer_protocol").class(SharedBuffer).register();
