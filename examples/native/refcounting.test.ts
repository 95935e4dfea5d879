// The reference-counting examples: every one of them is leak-free, and the refcounts are the
// ones pyz3's "Verify Ownership" test expects.

import { describe, expect, test } from "vitest";
import { Borrowed, PyString, refcnt } from "heapscope/native";
import { detectLeaks, expectNoLeaks } from "heapscope/testing";
import {
  borrowedExample, createAndReturn, createAndUse, decrefExample, increfExample, newReferenceExample, smallIntPattern, trackRefs,
} from "./refcounting.js";

describe("reference counting (pyz3)", () => {
  test("reference counting test: 1 after create, 2 after incref", () => {
    const str = PyString.create("test");
    expect(refcnt(str)).toBe(1);
    const again = str.incref();
    expect(refcnt(str)).toBe(2);
    again.decref();
    str.decref();
  });

  test("track_refs prints 1, 2, 1", () => {
    expect(trackRefs()).toEqual([1, 2, 1]);
  });

  test("borrowed, new-reference, decref and create-and-use examples leak nothing", () => {
    using caller = PyString.create("caller's");
    for (const example of [
      () => borrowedExample({ obj: caller.borrow() }),
      () => void newReferenceExample(),
      () => decrefExample(),
      () => void createAndUse(),
    ]) {
      const info = detectLeaks(example);
      expect(info.objectsLeaked).toBe(0);
      expect(info.bytesLeaked).toBe(0);
    }
    expect(createAndUse()).toBe(84);
    expect(newReferenceExample()).toBe(5);
  });

  test("incref_example: the caller receives a reference it must release", () => {
    using caller = PyString.create("kept");
    const arg = Borrowed.of(caller.obj);
    const result = increfExample({ obj: arg });
    expect(caller.refcnt).toBe(2);
    result.decref();
    expect(caller.refcnt).toBe(1);
    expectNoLeaks(() => increfExample({ obj: caller.borrow() }).decref());
  });

  test("create_and_return: the caller owns the new string (and leaks it if it forgets)", () => {
    expectNoLeaks(() => createAndReturn().decref());
    const forgotten: unknown[] = [];
    const info = detectLeaks(() => void forgotten.push(createAndReturn()));
    expect(info.objectsLeaked).toBe(1);
    expect(info.bytesLeaked).toBe(54); // sys.getsizeof("hello")
    expect(info.objects[0]!.traceback.join("\n")).toContain("examples/native/refcounting.ts");
    for (const s of forgotten as { decref(): void }[]) s.decref();
  });
});

describe("performance tip: the small int pool", () => {
  test("-5..256 are shared objects that cost nothing (even leaked); 1000 allocates 32 bytes each time", () => {
    using a = smallIntPattern({ value: 100 });
    using b = smallIntPattern({ value: 100 });
    expect(a.is(b)).toBe(true);
    const kept: { decref(): void }[] = [];
    const small = detectLeaks(() => void kept.push(smallIntPattern({ value: 100 })));
    expect([small.objectsLeaked, small.bytesLeaked]).toEqual([0, 0]);
    const large = detectLeaks(() => void kept.push(smallIntPattern({ value: 1000 })));
    expect([large.objectsLeaked, large.bytesLeaked]).toEqual([1, 32]);
    for (const k of kept) k.decref();
  });
});
