// Recording real programs: the log agrees with fresh reads of the heap at every step, and
// the program's output and results do not change under observation.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { recordProgram } from "./record.js";
import { runProgram } from "../modules/pythonrun.js";
import { Rebuilder, TraceIndex } from "./rebuild.js";
import { FREE_GC, FREE_REFCOUNT, stepCount, type Trace } from "./log.js";
import { analyze, objectName, typeName } from "./analysis.js";

const example = (name: string): string => readFileSync(fileURLToPath(new URL(`../../web/examples/${name}.py`, import.meta.url)), "utf8");

async function plainOutput(source: string): Promise<{ out: string; code: number }> {
  let out = "";
  const code = await runProgram({
    source, filename: "prog.py", argv: ["prog.py"], maxSteps: null, timeoutSeconds: null, maxMemory: null,
    stats: false, tracemalloc: null, modules: [], hashSeed: "0", write: (_s, t) => { out += t; },
  });
  return { out, code };
}

function varsAt(trace: Trace, rebuilder: Rebuilder, step: number): Map<string, number> {
  const state = rebuilder.stateAt(step);
  const vars = new Map<string, number>();
  for (const fid of state.stack) {
    for (const [name, target] of state.frames.get(fid)!.vars) vars.set(trace.strings[name]!, target);
  }
  return vars;
}

const PROGRAM = `import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
a = Node(1)
b = Node(2)
a.next = b
b.next = a
items = [a, b, "text", 3.5]
t = (items, 7)
del a, b
del items, t
print("collected", gc.collect())
d = {"k": [1, 2]}
d["k"].append(3)
print(d)
`;

describe("recording a run", () => {
  test("observing changes nothing the program can see", async () => {
    // tracemalloc installs its own allocation hook while the recorder's is in place.
    for (const source of [PROGRAM, example("cycles_and_gc"), example("refcount_basics"), example("weakrefs_and_finalizers"), example("tracemalloc_leak_hunt")]) {
      const plain = await plainOutput(source);
      let recorded = "";
      const { exitCode } = await recordProgram({ source, filename: "prog.py", write: (_s, t) => { recorded += t; } });
      expect(recorded).toBe(plain.out);
      expect(exitCode).toBe(plain.code);
    }
  }, 180_000);

  test("at every step the log rebuilds to what a fresh read of the heap finds", async () => {
    const snapshots: Map<number, { refcnt: number; edges: number[] }>[] = [];
    const { trace } = await recordProgram({
      source: PROGRAM, filename: "prog.py",
      onStep: (step, recorder) => { snapshots[step] = recorder.freshSnapshot(); },
    });
    const rebuilder = new Rebuilder(trace);
    let compared = 0;
    for (let step = 0; step < stepCount(trace); step++) {
      const fresh = snapshots[step];
      if (fresh === undefined) continue;
      const state = rebuilder.stateAt(step);
      for (const [id, o] of fresh) {
        const rebuilt = state.objects.get(id);
        expect(rebuilt, `object ${id} at step ${step}`).toBeDefined();
        if (o.refcnt < 100_000_000) expect(rebuilt!.refcnt, `refcount of ${objectName(trace, id)} at step ${step}`).toBe(o.refcnt);
        expect(rebuilt!.edges, `references of ${objectName(trace, id)} at step ${step}`).toEqual(o.edges);
        compared++;
      }
      expect(state.objects.size).toBe(fresh.size);
    }
    expect(compared).toBeGreaterThan(100);
  });

  test("the cycle shows as garbage after del and is freed by gc.collect()", async () => {
    const { trace } = await recordProgram({ source: PROGRAM, filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const index = new TraceIndex(trace);
    expect(index.output).toBe("collected 2\n{'k': [1, 2, 3]}\n");
    // Step whose line is `del items, t` (line 13): after it, the two nodes are garbage.
    const delStep = trace.steps.line.indexOf(13);
    const before = varsAt(trace, rebuilder, delStep - 1);
    expect([...before.keys()]).toEqual(expect.arrayContaining(["items", "t", "Node", "gc"]));
    expect(before.has("a")).toBe(false);
    const state = rebuilder.stateAt(delStep);
    const analysis = analyze(trace, state);
    const garbageNodes = [...analysis.garbage].filter((id) => typeName(trace, id) === "Node");
    expect(garbageNodes.length).toBe(2);
    expect(analysis.cycleOf.get(garbageNodes[0]!)).toBe(analysis.cycleOf.get(garbageNodes[1]!));
    // The list and the tuple were not in the cycle: refcounting freed them on that line.
    const items = varsAt(trace, rebuilder, delStep - 1).get("items")!;
    expect(index.deaths.get(items)).toEqual({ step: delStep, reason: FREE_REFCOUNT, generation: -1 });
    // gc.collect() frees them, with the collector as the reason.
    for (const id of garbageNodes) {
      const death = index.deaths.get(id)!;
      expect(death.reason).toBe(FREE_GC);
      expect(trace.steps.line[death.step]).toBe(14);
    }
    const collection = index.collections.find((c) => c.step === trace.steps.line.indexOf(14))!;
    expect(collection.generation).toBe(2);
    expect(collection.automatic).toBe(false);
    expect(collection.collected).toBe(2);
    expect(collection.freed).toEqual(expect.arrayContaining(garbageNodes));
    const after = rebuilder.stateAt(trace.steps.line.indexOf(14));
    for (const id of garbageNodes) expect(after.objects.has(id)).toBe(false);
  });

  test("refcounts and frames follow the program", async () => {
    const { trace } = await recordProgram({ source: "x = [1, 2]\ny = x\ndel y\nz = len(x)\n", filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    expect(trace.steps.line).toEqual([0, 1, 2, 3, 4, 0, 0]);
    const x = varsAt(trace, rebuilder, 1).get("x")!;
    expect(typeName(trace, x)).toBe("list");
    expect(rebuilder.stateAt(1).objects.get(x)!.refcnt).toBe(1);
    expect(rebuilder.stateAt(2).objects.get(x)!.refcnt).toBe(2);
    expect(rebuilder.stateAt(3).objects.get(x)!.refcnt).toBe(1);
    const index = new TraceIndex(trace);
    // At shutdown the module's namespace is cleared and the list freed by refcounting.
    expect(index.deaths.get(x)?.reason).not.toBe(FREE_GC);
    expect([FREE_REFCOUNT, 3]).toContain(index.deaths.get(x)?.reason);
  });

  test("a run over its step budget keeps what it recorded and says why", async () => {
    const { trace, exitCode } = await recordProgram({ source: "i = 0\nwhile True:\n    i += 1\n", filename: "prog.py", maxSteps: 500 });
    expect(exitCode).toBe(124);
    expect(trace.end!.status).toBe("budget");
    expect(trace.end!.reason).toMatch(/step budget/);
    expect(stepCount(trace)).toBeGreaterThanOrEqual(500);
  });
});
