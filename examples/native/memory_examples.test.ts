// The examples called from Python: output as python3 would print it for the same C
// functions, no leak from the correct ones, and the leaky ones caught with their Python
// traceback.

import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { NativeAllocator } from "heapscope/native";
import { detectLeaks, execPython, runPython } from "heapscope/testing";
import "./memory_examples.js";

const programPath = fileURLToPath(new URL("./memory_examples.py", import.meta.url));
const program = readFileSync(programPath, "utf8");

describe("memory_examples imported from Python", () => {
  test("the program's output", async () => {
    const r = await runPython(program, { filename: programPath });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "<module 'memory_examples' (built-in)>\n" +
        "hello 3\n" +
        "84\n" +
        "True 3\n" +
        "2\n" +
        "1,2,1\n" +
        "[4200] [4200] [4200]\n" +
        "left right left right 'left ' 2\n" +
        "Hello 1, 2, 3\n" +
        "4200\n" +
        "ValueError: negative value\n" +
        "100 0 0 2090\n" +
        "ReferenceType True\n" +
        "None\n" +
        "test data\n" +
        "256 0 <class 'memory_examples.Buffer'>\n" +
        "collected 2\n" +
        "TypeError: append() argument 'left' must be str, not int\n",
    );
    expect(NativeAllocator.stats().buffers).toBe(0);
  });

  test("the whole program leaks nothing (run in one interpreter, in a namespace released afterwards)", () => {
    const info = detectLeaks(() => {
      const r = execPython(program, { filename: programPath });
      expect(r.error).toBe(null);
    });
    expect(info.report).toBe("");
  });

  test("the leaky examples, called from Python, are reported with their Python traceback", () => {
    const leaky = "import memory_examples as m\n\ndef run():\n    m.leak_example()\n    m.add_to_list_leaky()\n\nrun()\n";
    const info = detectLeaks(() => {
      expect(execPython(leaky, { filename: "/tmp/leaky.py" }).error).toBe(null);
    });
    // leak_example leaks its str ('leaked', 55 bytes); add_to_list_leaky its int (32 bytes).
    expect(info.objects.map((o) => o.type).sort()).toEqual(["int", "str"]);
    expect(info.bytesLeaked).toBe(55 + 32);
    const str = info.objects.find((o) => o.type === "str")!;
    expect(str.traceback.slice(0, 3)).toEqual([
      "Python traceback (most recent call last):",
      '  File "/tmp/leaky.py", line 7, in <module>',
      '  File "/tmp/leaky.py", line 4, in run',
    ]);
    expect(str.traceback.join("\n")).toMatch(/at leakExample \(examples\/native\/leaks\.ts:\d+:\d+\)/);
  });
});
