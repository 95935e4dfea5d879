// The buffer-protocol example from Python: zero-copy views of native memory, resizing refused
// while a view is alive (bytearray's rule and message), and the memory freed with the object.

import { expect, test } from "vitest";
import { NativeAllocator } from "heapscope/native";
import { detectLeaks, execPython } from "heapscope/testing";
import "./buffer_protocol.js";

const program = `
from buffer_protocol import SharedBuffer
b = SharedBuffer(8)
m = memoryview(b)
print(bytes(b), m[3], len(m), m.readonly)
try:
    b.resize(16)
except BufferError as e:
    print("BufferError:", e)
m.release()
b.resize(4)
print(bytes(b))
`;

test("memoryview and bytes() read the native memory; resize waits for the views", () => {
  const r = execPython(program);
  expect(r.error).toBe(null);
  expect(r.stdout).toBe(
    "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07' 3 8 False\n" +
      "BufferError: Existing exports of data: object cannot be re-sized\n" +
      "b'\\x00\\x01\\x02\\x03'\n",
  );
});

test("the object, its views and its native memory are all released", () => {
  const info = detectLeaks(() => void execPython(program));
  expect(info.report).toBe("");
  expect(NativeAllocator.stats().buffers).toBe(0);
});
