// The pool frees all its blocks; a pool never deinit'ed leaks each 1024-byte block.

import { expect, test } from "vitest";
import { detectLeaks } from "heapscope/testing";
import { usePool, usePoolForgetting, type Pool } from "./pool.js";

test("a disposed pool frees every block", () => {
  expect(usePool(3)).toBe(3);
  expect(detectLeaks(() => void usePool(3)).leaked).toBe(false);
});

test("a forgotten pool leaks its blocks: 3 native buffers, 3072 bytes, no object", () => {
  const pools: Pool[] = [];
  const info = detectLeaks(() => void pools.push(usePoolForgetting(3)));
  expect([info.objectsLeaked, info.buffersLeaked, info.bytesLeaked]).toEqual([0, 3, 3072]);
  expect(info.buffers.every((b) => b.size === 1024)).toBe(true);
  expect(info.buffers[0]!.traceback.join("\n")).toMatch(/Pool\.alloc \(examples\/native\/pool\.ts:\d+:\d+\)/);
  for (const p of pools) p.deinit();
});
