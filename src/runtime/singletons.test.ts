// None, NotImplemented, Ellipsis (measured on CPython 3.11.7).
import { describe, expect, test } from "vitest";
import { Ellipsis, EllipsisType, None, NoneType, NotImplemented, NotImplementedType } from "./singletons.js";
import { callObject, isTrue, objectHash } from "./abstract.js";
import { newInt } from "./int.js";
import { getsizeof, pyError, reprOf } from "./testing/pyfunc.js";
import { hashResult, hashPointer } from "./values/pyhash.js";

describe("singletons", () => {
  test("reprs, sizes, truth", () => {
    expect(reprOf(None)).toBe("None");
    expect(reprOf(NotImplemented)).toBe("NotImplemented");
    expect(reprOf(Ellipsis)).toBe("Ellipsis");
    expect(getsizeof(None)).toBe(16);
    expect(getsizeof(Ellipsis)).toBe(16);
    expect(isTrue(None)).toBe(false);
    expect(isTrue(NotImplemented)).toBe(true);
    expect(isTrue(Ellipsis)).toBe(true);
  });

  test("the types return the singleton and take no arguments", () => {
    expect(callObject(NoneType, [], 0, 0, null)).toBe(None);
    expect(callObject(NotImplementedType, [], 0, 0, null)).toBe(NotImplemented);
    expect(callObject(EllipsisType, [], 0, 0, null)).toBe(Ellipsis);
    const one = newInt(1);
    expect(pyError(() => callObject(NoneType, [one], 0, 1, null))).toBe("TypeError: NoneType takes no arguments");
    expect(pyError(() => callObject(NotImplementedType, [one], 0, 1, null))).toBe("TypeError: NotImplementedType takes no arguments");
    expect(pyError(() => callObject(EllipsisType, [one], 0, 1, null))).toBe("TypeError: EllipsisType takes no arguments");
  });

  test("hash(None) is address based in 3.11", () => {
    objectHash(None);
    const hi = hashResult.hi, lo = hashResult.lo;
    hashPointer(None.address);
    expect([hi, lo]).toEqual([hashResult.hi, hashResult.lo]);
  });
});
