import { test } from "vitest";
import { readFileSync } from "node:fs";
import { recordProgram } from "./record.js";
import { runProgram } from "../modules/pythonrun.js";
import { TraceIndex, Rebuilder } from "./rebuild.js";
test("smoke", async () => {
  const source = readFileSync("/work/main/web/examples/cycles_and_gc.py", "utf8");
  let t0 = Date.now();
  await runProgram({ source, filename: "x.py", argv: ["x.py"], maxSteps: null, timeoutSeconds: null, maxMemory: null, stats: false, tracemalloc: null, modules: [], hashSeed: "0", write: () => {} });
  console.log("plain ms", Date.now() - t0);
  t0 = Date.now();
  const { trace, exitCode } = await recordProgram({ source, filename: "cycles_and_gc.py" });
  console.log("exit", exitCode, "steps", trace.steps.line.length, "events", trace.events.length, "objects", trace.objects.type.length, "ms", Date.now() - t0);
  console.log(trace.notes, trace.end);
  const index = new TraceIndex(trace);
  console.log(index.output);
  console.log(index.collections.map(c => JSON.stringify({...c, freed: c.freed.length})));
  const rb = new Rebuilder(trace);
  for (const s of [1, 5, 10, 20, 30]) {
    const st = rb.stateAt(s);
    const frames = [...st.frames.values()].map(f => `${trace.strings[f.name]}@${f.line} {${[...f.vars].map(([k,v]) => trace.strings[k]+"="+v).join(", ")}}`);
    console.log(s, "line", trace.steps.line[s], "objs", st.objects.size, frames.join(" | "));
  }
});
