import { describe, expect, test } from "vitest";
import {
  EV_EDGES, EV_NEW, EV_REFCNT, EV_STACK, EV_VAR, appendChunk, emptyTrace, eventLength, stepCount,
} from "./log.js";
import { TraceWriter } from "./writer.js";

describe("the event log", () => {
  test("event lengths cover fixed and variable-size events", () => {
    const events = [EV_NEW, 1, EV_REFCNT, 1, 2, EV_EDGES, 1, 0, 0, 2, 5, 0, 6, 0, EV_STACK, 3, 1, 2, 3, EV_VAR, 1, 2, 3];
    const lengths: number[] = [];
    for (let at = 0; at < events.length; at += eventLength(events, at)) lengths.push(eventLength(events, at));
    expect(lengths).toEqual([2, 3, 9, 5, 4]);
  });

  test("unknown events are reported", () => {
    expect(() => eventLength([99], 0)).toThrow(/unknown event 99/);
  });

  test("chunks taken from a writer append into one trace with absolute indices", () => {
    const writer = new TraceWriter();
    const trace = emptyTrace("p.py", "x = 1\n");
    const id1 = writer.addObject(writer.str("list"), 1, 0, 0x1000, 56, 0, writer.str("list, 0 items"));
    writer.emit1(EV_NEW, id1);
    writer.endStep(0, 0, 10);
    appendChunk(trace, writer.takeChunk());
    const id2 = writer.addObject(writer.str("dict"), 3, 0, 0x2000, 64, 1, writer.str("list"));
    writer.emit1(EV_NEW, id2);
    writer.emit2(EV_REFCNT, id2, 1);
    writer.endStep(3, 128, 11);
    appendChunk(trace, writer.takeChunk());
    expect(id1).toBe(1);
    expect(id2).toBe(2);
    expect(trace.strings[0]).toBe("");
    expect(trace.strings[trace.objects.type[1]!]).toBe("dict");
    // A string seen in an earlier chunk keeps its index.
    expect(trace.objects.repr[1]).toBe(trace.objects.type[0]);
    expect(stepCount(trace)).toBe(2);
    expect(trace.steps.eventEnd).toEqual([2, 7]);
    expect(trace.events.slice(2)).toEqual([EV_NEW, 2, EV_REFCNT, 2, 1]);
    expect(trace.steps.traced).toEqual([0, 128]);
  });
});
