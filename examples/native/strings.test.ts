// Pydust's append (steals) versus concat (does not): both leave the caller's string exactly
// as it was and leak nothing; appending without the incref drops the caller's reference.

import { describe, expect, test } from "vitest";
import { Borrowed, PyString, type Owned } from "heapscope/native";
import { detectLeaks } from "heapscope/testing";
import { append, appendWithoutIncref, chained, concat } from "./strings.js";

function callWithBorrowed(fn: (args: { left: Borrowed<PyString> }) => Owned<PyString>, left: Owned<PyString>): string {
  const arg = Borrowed.of(left.obj);
  using result = fn({ left: arg });
  arg.expire();
  return PyString.asString(result);
}

describe("append versus concat (Pydust)", () => {
  test("append and concat give the same text and leave the caller's reference alone", () => {
    for (const fn of [append, concat]) {
      using left = PyString.create("left ");
      expect(callWithBorrowed(fn, left)).toBe("left right");
      expect(left.refcnt).toBe(1);
      expect(PyString.asString(left)).toBe("left ");
      const info = detectLeaks(() => void callWithBorrowed(fn, left));
      expect(info.leaked).toBe(false);
    }
  });

  test("chained appends build one string", () => {
    using s = chained();
    expect(PyString.asString(s)).toBe("Hello 1, 2, 3");
    expect(s.refcnt).toBe(1);
    expect(detectLeaks(() => chained().decref()).leaked).toBe(false);
  });

  test("append without incref takes away a reference the caller still counts on: the last decref finds a freed object", () => {
    const left = PyString.create("left ");
    const callerFrame = left.incref(); // the reference the Python caller's frame holds
    expect(callWithBorrowed(appendWithoutIncref, left)).toBe("left right");
    expect(left.refcnt).toBe(1); // two owners, one count left
    callerFrame.decref(); // the caller lets go: the string is freed although `left` still owns it
    expect(() => left.decref()).toThrow(/decref on <str object at 0x[0-9a-f]+>: use of a freed object/);
  });
});
