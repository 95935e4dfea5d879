import { describe, expect, test } from "vitest";
import { ObjectType, TypeType, typeLookupBorrowed } from "./typeobject.js";
import { getAttr, objectRepr, callObject } from "./abstract.js";
import { staticStr } from "./str.js";
import { ListType } from "./list.js";
import { IntType } from "./int.js";

describe("static types", () => {
  test("repr of type objects", () => {
    expect(objectRepr(IntType).value).toBe("<class 'int'>");
    expect(objectRepr(TypeType).value).toBe("<class 'type'>");
  });
  test("dict of descriptors", () => {
    const a = getAttr(ListType, staticStr("append"));
    expect(objectRepr(a).value).toBe("<method 'append' of 'list' objects>");
    const w = getAttr(IntType, staticStr("__add__"));
    expect(objectRepr(w).value).toBe("<slot wrapper '__add__' of 'int' objects>");
    expect(typeLookupBorrowed(ObjectType, staticStr("__init__"))).not.toBeNull();
  });
  test("object()", () => {
    const o = callObject(ObjectType, [], 0, 0, null);
    expect(objectRepr(o).value).toMatch(/^<object object at 0x[0-9a-f]+>$/);
  });
});
