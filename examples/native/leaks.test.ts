// The leak patterns are reported with the right objects and bytes (sys.getsizeof on python3
// 3.11.7: 'leaked' 55, 'test' 53; 4200 occupies a 32-byte PyLongObject block); their fixes
// report nothing.

import { describe, expect, test } from "vitest";
import { detectLeaks, expectNoLeaks, pythonErrorOf } from "heapscope/testing";
import { allocationLeak, earlyReturn, earlyReturnManual, fixedExample, leakExample, testFunc } from "./leaks.js";

describe("memory leaks (pyz3)", () => {
  test("leak_example: 1 object (str, refcount 1), 55 bytes, allocated in leakExample", () => {
    const info = detectLeaks(leakExample);
    expect(info.objectsLeaked).toBe(1);
    expect(info.bytesLeaked).toBe(55);
    expect(info.objects[0]!.type).toBe("str");
    expect(info.objects[0]!.refcount).toBe(1);
    const site = info.objects[0]!.traceback.join("\n");
    expect(site).toMatch(/at PyString\.create \(src\/native\/objects\.ts:\d+:\d+\)/);
    expect(site).toMatch(/at leakExample \(examples\/native\/leaks\.ts:7:\d+\)/);
    expect(info.report.split("\n")[0]).toBe("Memory leak detected: 55 bytes leaked (1 object, 0 native buffers, 0 other blocks)");
  });

  test("fixed_example: nothing leaked", () => {
    expectNoLeaks(fixedExample);
  });

  test("early return with `using`: released on both paths", () => {
    expect(earlyReturn({ value: 1 })).toBe(4200);
    const info = detectLeaks(() => {
      expect(earlyReturn({ value: 1 })).toBe(4200);
      expect(pythonErrorOf(() => earlyReturn({ value: -1 }))).toBe("ValueError: negative value");
    });
    expect(info.leaked).toBe(false);
  });

  test("early return with a manual decref: the error path leaks the int (1 object, 32 bytes)", () => {
    expectNoLeaks(() => void earlyReturnManual({ value: 1 }));
    const info = detectLeaks(() => void pythonErrorOf(() => earlyReturnManual({ value: -1 })));
    expect(info.objectsLeaked).toBe(1);
    expect(info.objects[0]!.type).toBe("int");
    expect(info.bytesLeaked).toBe(32);
  });

  test("allocation_leak: 0 objects, 1 native buffer, 1024 bytes", () => {
    const info = detectLeaks(allocationLeak);
    expect(info.objectsLeaked).toBe(0);
    expect(info.buffersLeaked).toBe(1);
    expect(info.bytesLeaked).toBe(1024);
    expect(info.buffers[0]!.traceback.join("\n")).toMatch(/at allocationLeak \(examples\/native\/leaks\.ts:\d+:\d+\)/);
    expect(info.report.split("\n")[0]).toBe("Memory leak detected: 1024 bytes leaked (0 objects, 1 native buffer, 0 other blocks)");
  });

  test("detect leaks: pyz3's testFunc is caught (53 bytes for 'test'), and expectNoLeaks fails with the report", () => {
    const info = detectLeaks(testFunc);
    expect(info.bytesLeaked).toBe(53);
    expect(() => expectNoLeaks(testFunc)).toThrow(/^Memory leak detected: 53 bytes leaked \(1 object, 0 native buffers, 0 other blocks\)\n {2}leaked str object at 0x[0-9a-f]+: refcount 1, 53 bytes\n {4}JS stack \(innermost first\):\n {6}at PyString\.create/);
  });
});
