// The command line's tracemalloc report: formatTopLines(n) must print what
// `snapshot.statistics('lineno')[:n]` prints in the same state, and _format_size's rules
// (measured on CPython 3.11.7: 0 B, 99 B, 10239 B, 10.0 KiB, 100.0 KiB, 100 KiB, 1024 KiB,
// 9537 MiB, +5 B, -2000 KiB, 1.2 KiB for 1280 bytes: round-half-even).
import { afterEach, describe, expect, test } from "vitest";
import "./iomodule_testutil.js";
import { runPython } from "./bltin_testing.js";
import { dictGetItemStr } from "../runtime/dict.js";
import { staticStr, type PyStr } from "../runtime/str.js";
import type { PyList } from "../runtime/list.js";
import { formatSize, formatTopLines, startTracingAtStartup, tracer } from "./tracemallocmodule.js";

afterEach(() => tracer.stop());

describe("tracemalloc report for heapscope run --tracemalloc", () => {
  test("formatSize follows _format_size", () => {
    const cases: [number, boolean, string][] = [
      [0, false, "0 B"], [99, false, "99 B"], [10239, false, "10239 B"], [10240, false, "10.0 KiB"],
      [102399, false, "100.0 KiB"], [102400, false, "100 KiB"], [1048576, false, "1024 KiB"],
      [1e10, false, "9537 MiB"], [5, true, "+5 B"], [-2048000, true, "-2000 KiB"], [1280 * 1024, false, "1280 KiB"],
      [1.25 * 1024 * 1024, false, "1280 KiB"], [3184064, false, "3109 KiB"], [3184064 / 74501, false, "43 B"],
    ];
    for (const [size, sign, text] of cases) expect(formatSize(size, sign)).toBe(text);
    // An exact tie rounds half to even, as "%.1f" does (10.25 KiB, 2.5 B).
    expect(formatSize(10496, false)).toBe("10.2 KiB");
    expect(formatSize(2.5, false)).toBe("2 B");
  });

  test("formatTopLines agrees with Snapshot.statistics('lineno')", () => {
    const r = runPython(
      "import tracemalloc\ntracemalloc.start()\nkeep = [bytes(64) for _ in range(30)]\nmore = [bytearray(200) for _ in range(5)]\n" +
        "snap = tracemalloc.take_snapshot()\nprinted = [str(s) for s in snap.statistics('lineno')[:2]]\n",
      "/tmp/heapscope-test/report.py",
    );
    expect(r.error).toBe("");
    const lines = formatTopLines(2).split("\n");
    expect(lines[0]).toBe("[ Top 2 lines ]");
    const list = dictGetItemStr(r.interp.mainModule.dict!, staticStr("printed")) as PyList;
    const printed = list.items.map((o) => (o as PyStr).value);
    // take_snapshot itself allocated after the report's traces were read; compare the program's lines.
    for (const line of printed.filter((l) => l.startsWith("/tmp/heapscope-test/report.py"))) expect(lines).toContain(line);
  });

  test("startTracingAtStartup validates nframe and starts tracing once", () => {
    expect(() => startTracingAtStartup(0)).toThrow(RangeError);
    startTracingAtStartup(3);
    expect(tracer.tracing).toBe(true);
    expect(tracer.maxNframe).toBe(3);
    startTracingAtStartup(5);
    expect(tracer.maxNframe).toBe(3);
    expect(formatTopLines(1).startsWith("[ Top 1 lines ]\n")).toBe(true);
    tracer.stop();
    expect(formatTopLines(1)).toBe("");
  });
});
