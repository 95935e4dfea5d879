// heapscope/testing: leaks are reported with CPython's block sizes (python3 3.11.7: 'leaked'
// is 55 bytes; 4200 is made by PyLong_FromLong's medium path, one sizeof(PyLongObject) = 32
// byte block although getsizeof says 28; [] is 56 bytes with its GC head, and a one-item
// list's array has 4 slots = 32 bytes), the allocation site of each, and nothing when the
// code is correct.

import { describe, expect, test } from "vitest";
import {
  NativeAllocator, PyList, PyLong, PyString, arg, defineModule, type Owned, type PyObject,
} from "./index.js";
import { detectLeaks, detectLeaksAsync, expectNoLeaks, assertNoLeaks, MemoryLeakError, pythonErrorOf } from "./testing.js";
import { runPython } from "./pyrun.testutil.js";

let kept: Owned<PyObject>[] = [];

describe("detectLeaks", () => {
  test("a forgotten decref: one str, 55 bytes, with its type, refcount and allocation site", () => {
    const info = detectLeaks(() => {
      kept.push(PyString.create("leaked"));
    });
    expect(info.objectsLeaked).toBe(1);
    expect(info.bytesLeaked).toBe(55);
    expect(info.buffersLeaked).toBe(0);
    const o = info.objects[0]!;
    expect(o.type).toBe("str");
    expect(o.refcount).toBe(1);
    expect(o.size).toBe(55);
    expect(o.traceback[0]).toBe("JS stack (innermost first):");
    expect(o.traceback.join("\n")).toMatch(/PyString\.create|create .*src\/native\/objects\.ts/);
    expect(o.traceback.join("\n")).toMatch(/src\/native\/testing\.test\.ts:\d+/);
    expect(info.report.split("\n")[0]).toBe("Memory leak detected: 55 bytes leaked (1 object, 0 native buffers, 0 other blocks)");
    expect(info.report).toMatch(/ {2}leaked str object at 0x[0-9a-f]+: refcount 1, 55 bytes\n {4}JS stack/);
    for (const k of kept) k.decref();
    kept = [];
  });

  test("correct code reports nothing", () => {
    const info = detectLeaks(() => {
      using s = PyString.create("not leaked");
      using l = PyList.new();
      PyList.append(l, s);
    });
    expect(info.leaked).toBe(false);
    expect(info.bytesLeaked).toBe(0);
    expect(info.objects).toEqual([]);
    expect(info.report).toBe("");
  });

  test("a list and its item: the item array is counted with the list", () => {
    const info = detectLeaks(() => {
      const l = PyList.new();
      PyList.appendOwned(l, PyLong.create(4200));
      kept.push(l);
    });
    expect(info.objects.map((o) => [o.type, o.refcount, o.size]).sort()).toEqual([["int", 1, 32], ["list", 1, 88]]);
    expect(info.bytesLeaked).toBe(120);
    for (const k of kept) k.decref();
    kept = [];
  });

  test("a forgotten free: one native buffer of 1024 bytes, no object", () => {
    const buffers: { free(): void }[] = [];
    const info = detectLeaks(() => {
      buffers.push(NativeAllocator.alloc(1024));
    });
    expect(info.objectsLeaked).toBe(0);
    expect(info.buffersLeaked).toBe(1);
    expect(info.bytesLeaked).toBe(1024);
    expect(info.buffers[0]!.size).toBe(1024);
    expect(info.report.split("\n")[0]).toBe("Memory leak detected: 1024 bytes leaked (0 objects, 1 native buffer, 0 other blocks)");
    expect(info.report).toMatch(/leaked native buffer at 0x[0-9a-f]+: 1024 bytes\n/);
    for (const b of buffers) b.free();
  });

  test("cycles are not leaks (a collection runs before measuring)", () => {
    const info = detectLeaks(() => {
      const l = PyList.new();
      PyList.append(l, l);
      l.decref();
    });
    expect(info.leaked).toBe(false);
  });

  test("expectNoLeaks / assertNoLeaks throw an AssertionError carrying the report", () => {
    expect(() => expectNoLeaks(() => void kept.push(PyString.create("test")))).toThrow(/^Memory leak detected: 53 bytes leaked/);
    try {
      assertNoLeaks(() => void kept.push(PyString.create("test")));
    } catch (e) {
      expect(e).toBeInstanceOf(MemoryLeakError);
      expect((e as MemoryLeakError).name).toBe("AssertionError");
      expect((e as MemoryLeakError).info.objectsLeaked).toBe(1);
    }
    expectNoLeaks(() => {
      using _s = PyString.create("fine");
    });
    for (const k of kept) k.decref();
    kept = [];
  });

  test("async functions", async () => {
    const info = await detectLeaksAsync(async () => {
      await Promise.resolve();
      kept.push(PyString.create("leaked"));
    });
    expect(info.bytesLeaked).toBe(55);
    for (const k of kept) k.decref();
    kept = [];
  });

  test("an exception from the function propagates and the detector is switched off", () => {
    expect(() => detectLeaks(() => {
      throw new Error("boom");
    }, { warmup: false })).toThrow("boom");
    const info = detectLeaks(() => {});
    expect(info.leaked).toBe(false);
  });

  test("leaks made by Python code calling a native function carry the Python traceback", async () => {
    defineModule("leaky_native")
      .function("make", {
        args: { n: arg.int() },
        fn: ({ n }) => {
          // The bug: a new reference created and never released.
          PyLong.create(100000 + n);
        },
      })
      .register();
    let info = null as ReturnType<typeof detectLeaks> | null;
    const r = await runPython(`
import leaky_native
def work():
    for i in range(3):
        leaky_native.make(i)
work()
`, "/tmp/leaky_program.py");
    expect(r.stderr).toBe("");
    // The program is run again under the detector, in-process (runPython creates a new
    // interpreter each time; its own start-up allocations are settled by the warm-up run).
    const source = "import leaky_native\ndef work():\n    for i in range(3):\n        leaky_native.make(i)\nwork()\n";
    const { runProgram } = await import("../modules/pythonrun.js");
    const run = (): Promise<number> => runProgram({
      source, filename: "/tmp/leaky_program.py", argv: ["x"], maxSteps: null, timeoutSeconds: null, maxMemory: null,
      stats: false, tracemalloc: null, modules: [], hashSeed: "0", write: () => {},
    });
    info = await detectLeaksAsync(async () => {
      await run();
    });
    const ints = info.objects.filter((o) => o.type === "int");
    expect(ints.length).toBe(3);
    expect(ints[0]!.traceback).toContain("Python traceback (most recent call last):");
    expect(ints[0]!.traceback).toContain('  File "/tmp/leaky_program.py", line 5, in <module>');
    expect(ints[0]!.traceback).toContain('  File "/tmp/leaky_program.py", line 4, in work');
  });

  test("pythonErrorOf releases the exception it reports", () => {
    const info = detectLeaks(() => {
      expect(pythonErrorOf(() => PyList.getItem(PyList.new(), 0))).toBe("IndexError: list index out of range");
    });
    // The list made inline above is the test's own leak (never released): 56 bytes, nothing else.
    expect(info.objects.map((o) => o.type)).toEqual(["list"]);
    expect(info.bytesLeaked).toBe(56);
  });
});
