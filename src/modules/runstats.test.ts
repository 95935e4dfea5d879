// `heapscope run --stats`: the summary reaches stderr after the program's own output and
// reports the collector and allocator state the program left.
import { describe, expect, it } from "vitest";
import "../runtime/load.js";
import "./all.js";
import { runProgram } from "./pythonrun.js";

async function run(source: string, stats: boolean): Promise<{ stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  await runProgram({
    source,
    filename: "/tmp/heapscope-stats/prog.py",
    argv: ["/tmp/heapscope-stats/prog.py"],
    maxSteps: null,
    timeoutSeconds: null,
    maxMemory: null,
    stats,
    tracemalloc: null,
    modules: [],
    hashSeed: "0",
    write: (stream, text) => {
      if (stream === 1) stdout += text;
      else stderr += text;
    },
  });
  return { stdout, stderr };
}

describe("--stats", () => {
  const program = [
    "import gc",
    "class Node:",
    "    pass",
    "keep = [Node() for _ in range(500)]",
    "a = Node(); a.me = a; del a",
    "print(gc.collect())",
  ].join("\n");

  it("prints nothing without the option", async () => {
    const got = await run(program, false);
    expect(got.stdout).toBe("1\n");
    expect(got.stderr).toBe("");
  });

  it("summarises the collector and the allocator at exit", async () => {
    const got = await run(program, true);
    expect(got.stdout).toBe("1\n");
    const lines = got.stderr.split("\n");
    expect(lines[0]).toBe("heapscope --stats: memory when the program ended");
    expect(got.stderr).toMatch(/objects tracked by the collector: [\d,]+ \(generations 0\/1\/2: /);
    expect(got.stderr).toMatch(/most common: .*Node 500/);
    // The explicit collection is a generation-2 one (runs in this process share one heap, so
    // only the shape is checked here).
    expect(got.stderr).toMatch(/generation 2: [1-9]\d* \(collected [1-9]\d*, uncollectable 0\)/);
    expect(got.stderr).toMatch(/pymalloc: \d+ arenas in use/);
    expect(got.stderr).toMatch(/sys\.getallocatedblocks\(\): [\d,]+/);
  });
});
