// RAII: the wrapper releases its string at the end of the scope; forgetting it leaks one
// str ('hello', 54 bytes on python3 3.11.7).

import { expect, test } from "vitest";
import { detectLeaks } from "heapscope/testing";
import { useWrapper, useWrapperForgetting } from "./raii.js";

test("use_wrapper releases the wrapped string", () => {
  expect(useWrapper()).toBe("hello");
  expect(detectLeaks(() => void useWrapper()).leaked).toBe(false);
});

test("a wrapper never disposed leaks its string: 1 object, 54 bytes", () => {
  const info = detectLeaks(() => void useWrapperForgetting());
  expect([info.objectsLeaked, info.bytesLeaked]).toEqual([1, 54]);
  expect(info.objects[0]!.traceback.join("\n")).toMatch(/\.init \(examples\/native\/raii\.ts:\d+:\d+\)/);
});
