// What the viewer explains, on small recorded programs: garbage and cycles, who holds each
// reference, why an object is alive and what a step changed.
import { describe, expect, test } from "vitest";
import { recordProgram } from "./record.js";
import { Rebuilder } from "./rebuild.js";
import { DEFAULT_VISIBLE, analyze, describeStep, explainRefcount, objectName, typeName, visibleHeap, weakrefsCleared, whyAlive } from "./analysis.js";
import { cloneState } from "./rebuild.js";
import type { Trace } from "./log.js";

function variable(trace: Trace, rebuilder: Rebuilder, step: number, name: string): number {
  const state = rebuilder.stateAt(step);
  for (const fid of state.stack) {
    for (const [k, v] of state.frames.get(fid)!.vars) if (trace.strings[k] === name) return v;
  }
  throw new Error(`no variable ${name} at step ${step}`);
}

const lineStep = (trace: Trace, line: number): number => trace.steps.line.indexOf(line);

describe("explaining a step", () => {
  test("each reference of a refcount has its holder and the line that made it", async () => {
    const source = "x = [1, 2]\ny = x\nbox = [x, x]\nz = 0\n";
    const { trace } = await recordProgram({ source, filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const step = lineStep(trace, 4);
    const x = variable(trace, rebuilder, step, "x");
    const box = variable(trace, rebuilder, step, "box");
    const state = rebuilder.stateAt(step);
    expect(state.objects.get(x)!.refcnt).toBe(4);
    const holders = explainRefcount(trace, state, x);
    expect(holders.map((h) => h.text).sort()).toEqual([
      `${objectName(trace, box)}[0]`,
      `${objectName(trace, box)}[1]`,
      "variable `x` in the global frame",
      "variable `y` in the global frame",
    ]);
    const y = holders.find((h) => h.text.includes("`y`"))!;
    expect(trace.steps.line[y.since]).toBe(2);
    const item = holders.find((h) => h.text.endsWith("[1]"))!;
    expect(trace.steps.line[item.since]).toBe(3);
  });

  test("why alive: the chain from a variable, and the reference that would free it", async () => {
    const source = "class N:\n    pass\nhead = N()\nhead.child = N()\nhead.child.leaf = [1]\nz = 0\n";
    const { trace } = await recordProgram({ source, filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const step = lineStep(trace, 6);
    const state = rebuilder.stateAt(step);
    const analysis = analyze(trace, state);
    const head = variable(trace, rebuilder, step, "head");
    const leaf = [...state.objects.values()].find((o) => typeName(trace, o.id) === "list")!.id;
    const why = whyAlive(trace, state, analysis, leaf);
    expect(why.root).toBe("frame");
    expect(why.rootText).toBe("variable `head` in the global frame");
    expect(why.path[0]).toBe(head);
    expect(why.path[why.path.length - 1]).toBe(leaf);
    expect(why.links).toEqual([`${objectName(trace, head)}.child`, `${objectName(trace, why.path[1]!)}.leaf`]);
    expect(why.breaker).toBe(`removing ${objectName(trace, why.path[1]!)}.leaf: its refcount would drop to zero and it would be freed at once`);
  });

  test("a cycle left behind is garbage, named in the step's changes", async () => {
    const source = "a = []\nb = [a]\na.append(b)\ndel a, b\nz = 0\n";
    const { trace } = await recordProgram({ source, filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const delStep = lineStep(trace, 4);
    const a = variable(trace, rebuilder, delStep - 1, "a");
    const b = variable(trace, rebuilder, delStep - 1, "b");
    const before = cloneState(rebuilder.stateAt(delStep - 1));
    const after = rebuilder.stateAt(delStep);
    const analysisBefore = analyze(trace, before);
    const analysisAfter = analyze(trace, after);
    expect(analysisBefore.garbage.has(a)).toBe(false);
    expect([...analysisAfter.garbage].sort()).toEqual([a, b].sort());
    expect(analysisAfter.cycleOf.get(a)).toBe(analysisAfter.cycleOf.get(b));
    const visible = visibleHeap(trace, after, analysisAfter, DEFAULT_VISIBLE);
    expect(visible.order).toEqual(expect.arrayContaining([a, b]));
    const changes = describeStep(trace, before, after, analysisBefore, analysisAfter, new Set(visible.order));
    const texts = changes.map((c) => c.text);
    expect(texts).toContain(`refcount of ${objectName(trace, a)} 2 → 1: \`a\` was deleted.`);
    expect(texts.some((t) => t.includes("now unreachable but not freed: a reference cycle"))).toBe(true);
    expect(whyAlive(trace, after, analysisAfter, a).root).toBe("garbage");
  });

  test("weak references dying with their referent, one with a callback, are narrated", async () => {
    const source = "import weakref\nclass C:\n    pass\nc = C()\nplain = weakref.ref(c)\nwith_cb = weakref.ref(c, id)\ndel c\nz = 0\n";
    const { trace } = await recordProgram({ source, filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const delStep = lineStep(trace, 7);
    const c = variable(trace, rebuilder, delStep - 1, "c");
    const plain = variable(trace, rebuilder, delStep - 1, "plain");
    const withCb = variable(trace, rebuilder, delStep - 1, "with_cb");
    const before = cloneState(rebuilder.stateAt(delStep - 1));
    const after = rebuilder.stateAt(delStep);
    expect(after.objects.has(c)).toBe(false);
    expect(weakrefsCleared(before, after, c)).toEqual({ cleared: 2, callbacks: 1 });
    const changes = describeStep(trace, before, after, analyze(trace, before), analyze(trace, after), new Set([c, plain, withCb]));
    const texts = changes.filter((x) => x.kind === "weakref").map((x) => x.text).sort();
    expect(texts).toEqual([
      `${objectName(trace, plain)} is dead: its referent ${objectName(trace, c)} was freed.`,
      `${objectName(trace, withCb)} is dead: its referent ${objectName(trace, c)} was freed; its callback was called.`,
    ].sort());
  });
});
