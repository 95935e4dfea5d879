// Expected outputs measured on CPython 3.11.7 (each program run as
// /tmp/heapscope-test/prog.py with python3), generated once and kept literal here.
import { describe, expect, test } from "vitest";
import { runProgramText } from "./iomodule_testutil.js";
import { runProgram, STOPPED_STATUS } from "./pythonrun.js";

const FILE = "/tmp/heapscope-test/prog.py";

describe("time (Modules/timemodule.c)", () => {
  test("clocks, sleep, its argument errors, gmtime, strftime, asctime", async () => {
    const source = "import time, sys\nt0 = time.perf_counter(); time.sleep(0.2); t1 = time.perf_counter()\nprint(t1 - t0 >= 0.19, type(time.time()), type(time.time_ns()), type(time.monotonic_ns()), type(time.process_time()))\nprint(abs(time.time() - time.time_ns() / 1e9) < 1)\nfor a in ['x', -1, float('nan'), None, -0.5]:\n    try: time.sleep(a)\n    except Exception as e: print(type(e).__name__, e)\nprint(time.sleep(0), time.sleep(False))\nprint(time.gmtime(0)); print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %%', time.gmtime(1700000000.5)))\ng = time.gmtime(1700000000)\nprint(g.tm_zone, g.tm_gmtoff, g.tm_year, g[0], len(g), tuple(g))\nprint(time.struct_time.n_fields, time.struct_time.n_sequence_fields)\ntry: time.gmtime('a')\nexcept Exception as e: print(type(e).__name__, e)\nprint(time.strftime('%c|%x|%X|%w|%U|%W|%e|%M|%D|%F|%T|%u', time.gmtime(1700000000)))\nprint(time.strftime('%U %W %j', (2024, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%U %W', (2023, 12, 31, 0, 0, 0, 6, 365, 0)))\nprint(time.asctime(time.gmtime(0)), time.asctime((2020, 2, 29, 13, 5, 9, 5, 60, 0)))\nprint(time.gmtime(-1), time.gmtime(1e10))\nprint(sys.getsizeof(time.gmtime(0)))\n";
    expect(await runProgramText(source, FILE)).toBe("True <class 'float'> <class 'int'> <class 'int'> <class 'float'>\nTrue\nTypeError 'str' object cannot be interpreted as an integer\nValueError sleep length must be non-negative\nValueError Invalid value NaN (not a number)\nTypeError 'NoneType' object cannot be interpreted as an integer\nValueError sleep length must be non-negative\nNone None\ntime.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)\n2023-11-14 22:13:20 Tue Tuesday Nov November 318 PM 10 23 %\nGMT 0 2023 2023 9 (2023, 11, 14, 22, 13, 20, 1, 318, 0)\n11 9\nTypeError 'str' object cannot be interpreted as an integer\nTue Nov 14 22:13:20 2023|11/14/23|22:13:20|2|46|46|14|13|11/14/23|2023-11-14|22:13:20|2\n00 01 001 53 52\nThu Jan  1 00:00:00 1970 Sat Feb 29 13:05:09 2020\ntime.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=59, tm_wday=2, tm_yday=365, tm_isdst=0) time.struct_time(tm_year=2286, tm_mon=11, tm_mday=20, tm_hour=17, tm_min=46, tm_sec=40, tm_wday=5, tm_yday=324, tm_isdst=0)\n112\n");
  }, 120000);
});

describe("time.sleep and the run's --timeout", () => {
  test("a sleep that would outlast the deadline stops the run as the eval loop does", async () => {
    let out = "";
    const status = await runProgram({
      source: "import time\nprint('start', flush=True)\ntime.sleep(30)\nprint('never')\n",
      filename: FILE,
      argv: [FILE],
      maxSteps: null,
      timeoutSeconds: 0.3,
      maxMemory: null,
      stats: false,
      tracemalloc: null,
      modules: [],
      hashSeed: "0",
      write: (_stream, chunk) => { out += chunk; },
    });
    expect(status).toBe(STOPPED_STATUS);
    expect(out).toContain("start\n");
    expect(out).not.toContain("never");
  }, 120000);
});
