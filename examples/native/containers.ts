// pyz3's "Pattern: Store in Container". Its first version carries a comment that contradicts
// itself ("append() steals the reference, so we don't decref" ... "Actually, we DO need to
// decref because append doesn't steal!"). In heapscope/native the name settles it: append()
// never steals; appendOwned() always does, and takes an Owned handle so the compiler knows.
//
// The item is 4200 rather than pyz3's 42: ints from -5 to 256 are shared cached objects, so
// forgetting to release one leaks no memory and no leak detector can see it.

import { PyList, PyLong, type Owned } from "heapscope/native";

/** add_to_list as pyz3 wrote it first (after the correction): append borrows, so we decref. */
export function addToList(): Owned<PyList> {
  const list = PyList.new();
  const item = PyLong.create(4200);
  PyList.append(list, item);
  // append() doesn't steal: we still own `item` and must release it.
  item.decref();
  return list;
}

/** The bug the misleading comment leads to: believing append() steals, never releasing the item. */
export function addToListLeaky(): Owned<PyList> {
  const list = PyList.new();
  const item = PyLong.create(4200);
  PyList.append(list, item);
  // "list.append() steals the reference, so we don't decref" -- wrong: `item` leaks.
  return list;
}

/** add_to_list_better: a scope releases the item, whatever happens inside. */
export function addToListBetter(): Owned<PyList> {
  using list = PyList.new();
  {
    using item = PyLong.create(4200);
    PyList.append(list, item);
  }
  return list.move();
}

/** The stealing form, named so: the list takes over the new reference; nothing to release. */
export function addToListOwned(): Owned<PyList> {
  using list = PyList.new();
  PyList.appendOwned(list, PyLong.create(4200));
  return list.move();
}
