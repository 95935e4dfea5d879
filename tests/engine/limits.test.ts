// Run limits: --max-steps and --timeout stop a runaway program with a clear message and
// status 124 (whatever Python code catches); --max-memory raises MemoryError, which a program
// can catch and recover from. These are heapscope's own behaviours, so the expected texts are written here.
import { describe, expect, it } from "vitest";
import { runCase } from "./vm.testutil.js";

describe("run limits", () => {
  it("--max-steps stops an endless loop", async () => {
    const got = await runCase({ name: "loop", source: "print('start')\nwhile True:\n    pass\n", options: { maxSteps: 100_000 } });
    expect(got.stdout).toBe("start\n");
    expect(got.stderr).toBe("heapscope: stopped: the program ran more than --max-steps 100000 instructions\n");
    expect(got.status).toBe(124);
  });

  it("--max-steps is not caught by except or finally", async () => {
    const source = [
      "def f(): f()",
      "while True:",
      "    try:",
      "        f()",
      "    except BaseException:",
      "        pass",
      "    finally:",
      "        pass",
    ].join("\n");
    const got = await runCase({ name: "caught_recursion", source, options: { maxSteps: 200_000 } });
    expect(got.stderr).toBe("heapscope: stopped: the program ran more than --max-steps 200000 instructions\n");
    expect(got.status).toBe(124);
  });

  it("--timeout stops an endless loop", async () => {
    const got = await runCase({ name: "timeout", source: "while True:\n    pass\n", options: { timeoutSeconds: 0.3 } });
    expect(got.stderr).toBe("heapscope: stopped: the program ran longer than --timeout 0.3s\n");
    expect(got.status).toBe(124);
  });

  it("--max-memory raises MemoryError, and the program can recover", async () => {
    const source = [
      "chunks = []",
      "try:",
      "    while True:",
      "        chunks.append(' ' * 100_000)",
      "except MemoryError as e:",
      "    print('MemoryError', repr(e), len(chunks) > 10)",
      "    del chunks",
      "print(sum(range(1000)))",
    ].join("\n");
    const got = await runCase({ name: "memory_recover", source, options: { maxMemory: 8_000_000 } });
    expect(got.stdout).toBe("MemoryError MemoryError() True\n499500\n");
    expect(got.stderr).toBe("");
    expect(got.status).toBe(0);
  });

  it("--max-memory: an uncaught MemoryError is printed as CPython prints it", async () => {
    const source = "data = []\nwhile True:\n    data.append([0] * 10_000)\n";
    const got = await runCase({ name: "memory_uncaught", source, options: { maxMemory: 4_000_000 } });
    expect(got.stderr).toBe(
      'Traceback (most recent call last):\n  File "/tmp/heapscope-vm-tests/memory_uncaught.py", line 3, in <module>\n' +
        "    data.append([0] * 10_000)\n                ~~~~^~~~~~~~\nMemoryError\n",
    );
    expect(got.status).toBe(1);
  });

  it("--max-memory: a loop that swallows MemoryError is ended by the step budget, as limits compose", async () => {
    // Every request past the budget is refused, so this loop would spin forever (as it does
    // under CPython when malloc keeps failing); --max-steps is what bounds it.
    const source = "data = []\nwhile True:\n    try:\n        data.append(' ' * 50_000)\n    except MemoryError:\n        pass\n";
    const got = await runCase({ name: "memory_ignored", source, options: { maxMemory: 2_000_000, maxSteps: 300_000 } });
    expect(got.stderr).toBe("heapscope: stopped: the program ran more than --max-steps 300000 instructions\n");
    expect(got.status).toBe(124);
  });

  it("a limited run leaves later runs unlimited", async () => {
    const got = await runCase({ name: "after_limits", source: "print(len([0] * 1_000_000))\n" });
    expect(got.stdout).toBe("1000000\n");
    expect(got.status).toBe(0);
  });
});
