// pyz3's "Memory Pools": fixed-size blocks from the native allocator, all freed by deinit().
// The pool is Disposable, so `using pool = new Pool()` frees every block at the end of the
// scope, however it ends.

import { NativeAllocator, type NativeBuffer } from "heapscope/native";

export class Pool implements Disposable {
  static readonly BLOCK_SIZE = 1024;
  readonly blocks: NativeBuffer[] = [];

  alloc(): NativeBuffer {
    const block = NativeAllocator.alloc(Pool.BLOCK_SIZE);
    this.blocks.push(block);
    return block;
  }

  deinit(): void {
    for (const block of this.blocks) NativeAllocator.free(block);
    this.blocks.length = 0;
  }

  [Symbol.dispose](): void {
    this.deinit();
  }
}

/** Uses a pool for `n` blocks and releases it. */
export function usePool(n: number): number {
  using pool = new Pool();
  for (let i = 0; i < n; i++) pool.alloc().bytes[0] = i;
  return pool.blocks.length;
}

/** Forgets the pool's deinit: every block leaks. */
export function usePoolForgetting(n: number): Pool {
  const pool = new Pool();
  for (let i = 0; i < n; i++) pool.alloc();
  return pool;
}
