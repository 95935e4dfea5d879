// pyz3's "Weak References": import the weakref module, look up `ref`, call it on the
// argument. Every intermediate new reference (the module, the function) is released by its
// `using`; the weak reference is returned to the caller, who owns it.

import { call, getAttr, importModule, type Borrowed, type Owned, type PyObject } from "heapscope/native";

export function useWeakRef(args: { obj: Borrowed<PyObject> }): Owned<PyObject> {
  using weakrefMod = importModule("weakref");
  using refFunc = getAttr(weakrefMod, "ref");
  const weak = call(refFunc, [args.obj]);
  // weak is now a weak reference to obj
  return weak;
}
