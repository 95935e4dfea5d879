// Store in a container: the correct versions leak nothing, the one that trusts the wrong
// comment leaks exactly its item (one int: a 32-byte PyLongObject block).

import { describe, expect, test } from "vitest";
import { PyList, repr } from "heapscope/native";
import { detectLeaks } from "heapscope/testing";
import { addToList, addToListBetter, addToListLeaky, addToListOwned } from "./containers.js";

describe("store in container (pyz3)", () => {
  for (const [name, make] of [["add_to_list", addToList], ["add_to_list_better", addToListBetter], ["appendOwned", addToListOwned]] as const) {
    test(`${name}: the list holds the only reference to its item; no leak`, () => {
      using list = make();
      expect(repr(list)).toBe("[4200]");
      expect(PyList.getItem(list, 0).refcnt).toBe(1);
      const info = detectLeaks(() => make().decref());
      expect(info.leaked).toBe(false);
    });
  }

  test("believing append() steals: the item leaks (1 object, 32 bytes) once the list is gone", () => {
    using list = addToListLeaky();
    expect(PyList.getItem(list, 0).refcnt).toBe(2);
    const info = detectLeaks(() => addToListLeaky().decref());
    expect(info.objectsLeaked).toBe(1);
    expect(info.objects[0]!.type).toBe("int");
    expect(info.objects[0]!.refcount).toBe(1);
    expect(info.bytesLeaked).toBe(32);
    expect(info.objects[0]!.traceback.join("\n")).toMatch(/addToListLeaky .*examples\/native\/containers\.ts:24/);
  });
});
