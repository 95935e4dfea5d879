// heapscope/testing under node:test (no vitest): run with
//   npm run build && node --test examples/native/node-test/leaks.node.mjs
// The imports resolve to this repository's dist/ build through package.json "exports".

import { test } from "node:test";
import assert from "node:assert/strict";
import { PyString, NativeAllocator } from "heapscope/native";
import { assertNoLeaks, detectLeaks } from "heapscope/testing";

const kept = [];

test("a forgotten decref is detected: 1 object, 55 bytes", () => {
  const info = detectLeaks(() => {
    kept.push(PyString.create("leaked"));
  });
  assert.equal(info.objectsLeaked, 1);
  assert.equal(info.bytesLeaked, 55);
  assert.match(info.report, /^Memory leak detected: 55 bytes leaked/);
});

test("assertNoLeaks passes for code that releases what it makes", () => {
  assertNoLeaks(() => {
    const s = PyString.create("released");
    s.decref();
    NativeAllocator.alloc(64).free();
  });
});

test("assertNoLeaks fails with the report as an AssertionError", () => {
  assert.throws(
    () => assertNoLeaks(() => void kept.push(NativeAllocator.alloc(1024))),
    (e) => e.name === "AssertionError" && e.message.startsWith("Memory leak detected: 1024 bytes leaked (0 objects, 1 native buffer"),
  );
});
