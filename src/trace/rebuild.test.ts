// The step rebuild: replaying from keyframes gives the same state as replaying from the
// start, in any order of access, and streamed chunks rebuild like a whole trace.
import { describe, expect, test } from "vitest";
import { recordProgram } from "./record.js";
import { KEYFRAME_INTERVAL, Rebuilder, TraceIndex, applyStep, cloneState, emptyState, type HeapState } from "./rebuild.js";
import { appendChunk, emptyTrace, stepCount, type TraceChunk } from "./log.js";

const PROGRAM = `class Node:
    def __init__(self, i):
        self.i = i
        self.peer = None
nodes = []
for i in range(300):
    n = Node(i)
    if nodes:
        n.peer = nodes[-1]
    nodes.append(n)
    if i % 50 == 0:
        del nodes[:25]
d = {}
for i in range(100):
    d[i % 7] = [i] * (i % 3)
print(len(nodes), len(d))
`;

function summary(state: HeapState): string {
  const objects = [...state.objects.values()].map((o) => `${o.id}:${o.refcnt}:${o.edges.join(",")}:${o.labels.join(",")}:${o.gc}:${o.weak}:${o.length}`);
  const frames = state.stack.map((fid) => {
    const f = state.frames.get(fid)!;
    return `${fid}@${f.line}{${[...f.vars].map(([k, v]) => `${k}=${v}`).join(",")}}[${f.temps.join(",")}]`;
  });
  return `${objects.join(" ")}|${frames.join(" ")}|${state.gcCounts}|${state.gcConfig}|${state.poolUsed.join(",")}|${state.arenas}|${state.phase}|${state.collecting}`;
}

describe("rebuilding steps", () => {
  test("random access through keyframes equals a replay from the start", async () => {
    const { trace } = await recordProgram({ source: PROGRAM, filename: "prog.py" });
    const n = stepCount(trace);
    expect(n).toBeGreaterThan(3 * KEYFRAME_INTERVAL);
    // Reference: one replay from the start, summarised at chosen steps.
    const chosen = [0, 1, 7, KEYFRAME_INTERVAL - 1, KEYFRAME_INTERVAL, 2 * KEYFRAME_INTERVAL + 3, Math.floor(n / 2), n - 2, n - 1];
    const expected = new Map<number, string>();
    const state = emptyState();
    for (let step = 0; step < n; step++) {
      applyStep(trace, state, step);
      if (chosen.includes(step)) expected.set(step, summary(state));
    }
    const rebuilder = new Rebuilder(trace);
    // Forwards, backwards, then jumping about (keyframes are taken on the way).
    const order = [...chosen, ...chosen.slice().reverse(), n - 1, 0, Math.floor(n / 2), 1, n - 2];
    for (const step of order) expect(summary(rebuilder.stateAt(step)), `step ${step}`).toBe(expected.get(step));
  });

  test("a state clone is independent of later replays", async () => {
    const { trace } = await recordProgram({ source: "a = [1]\nb = [a]\na.append(b)\ndel a\n", filename: "prog.py" });
    const rebuilder = new Rebuilder(trace);
    const at2 = cloneState(rebuilder.stateAt(2));
    const text = summary(at2);
    rebuilder.stateAt(stepCount(trace) - 1);
    expect(summary(at2)).toBe(text);
  });

  test("a trace streamed in chunks indexes and rebuilds like the whole trace", async () => {
    const chunks: TraceChunk[] = [];
    await recordProgram({ source: PROGRAM, filename: "prog.py", chunkMs: 0, onChunk: (c) => chunks.push(structuredClone(c)) });
    expect(chunks.length).toBeGreaterThan(2);
    // Indexed chunk by chunk as the page does while a run streams in...
    const streamed = emptyTrace("prog.py", PROGRAM);
    const index = new TraceIndex(streamed);
    for (const chunk of chunks) {
      appendChunk(streamed, chunk);
      index.update();
    }
    // ...and all at once.
    const whole = emptyTrace("prog.py", PROGRAM);
    for (const chunk of chunks) appendChunk(whole, structuredClone(chunk));
    const wholeIndex = new TraceIndex(whole);
    expect(index.output).toBe("174 7\n");
    expect(index.output).toBe(wholeIndex.output);
    expect(index.outputEnd).toEqual(wholeIndex.outputEnd);
    expect(index.collections).toEqual(wholeIndex.collections);
    expect([...index.deaths]).toEqual([...wholeIndex.deaths]);
    const a = new Rebuilder(whole);
    const b = new Rebuilder(streamed);
    for (const step of [5, 100, stepCount(streamed) - 1]) expect(summary(b.stateAt(step))).toBe(summary(a.stateAt(step)));
  });
});
