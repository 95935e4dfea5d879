// Each of the type-system modules can be the first one imported: the runtime's files import
// one another in cycles, and only typeroots.ts functions run while modules are being
// evaluated (see typeroots.ts). Every case starts a fresh module graph.
import { describe, expect, test, vi } from "vitest";

const ENTRIES = [
  "./typeobject.js",
  "./typeroots.js",
  "./typecreate.js",
  "./typeslots.js",
  "./slotdefs.js",
  "./instance.js",
  "./descrobject.js",
  "./funcdescr.js",
  "./methodobject.js",
  "./classobject.js",
  "./exceptions.js",
  "./abstract.js",
  "./getargs.js",
  "./moduleobject.js",
  "./cellobject.js",
  "./sliceobject.js",
  "./singletons.js",
  "./mappingproxy.js",
];

describe("load order", () => {
  for (const entry of ENTRIES) {
    test(`${entry} first`, async () => {
      vi.resetModules();
      await import(entry);
      const abstract = await import("./abstract.js");
      const str = await import("./str.js");
      const exc = await import("./exceptions.js");
      const list = await import("./list.js");
      const int = await import("./int.js");
      const helpers = await import("./testing/pyfunc.js");
      const K = helpers.makeClass("K", [list.ListType]);
      const k = abstract.callObject(K, [], 0, 0, null);
      expect(abstract.objectRepr(k).value).toBe("[]");
      const append = abstract.getAttr(list.ListType, str.staticStr("append"));
      expect(abstract.objectRepr(append).value).toBe("<method 'append' of 'list' objects>");
      expect(helpers.pyError(() => abstract.binaryOp(int.newInt(1), str.newStr("a"), abstract.NB_ADD))).toBe(
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
      );
      const e = abstract.callObject(exc.KeyErrorType, [int.newInt(3)], 0, 1, null);
      expect(abstract.objectRepr(e).value).toBe("KeyError(3)");
    });
  }
});
