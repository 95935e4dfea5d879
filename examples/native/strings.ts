// Pydust's memory example (example/memory.zig): `append`, which steals a reference to its
// left operand, versus `concat`, which steals nothing; and the chained appends that make the
// stealing form worth having.
//
// As native functions of a module they receive `left` borrowed from Python. To hand it to a
// function that steals, they must first take a reference of their own: `left.incref()`.

import { Owned, PyString, type Borrowed } from "heapscope/native";

/** Pydust's `append`: `right` is created here, so released here; `left` is borrowed, so incref'd before it is stolen. */
export function append(args: { left: Borrowed<PyString> }): Owned<PyString> {
  using right = PyString.create("right");
  return PyString.appendOwned(args.left.incref(), right);
}

/** The same function forgetting that appendOwned steals: it gives away a reference it never had. */
export function appendWithoutIncref(args: { left: Borrowed<PyString> }): Owned<PyString> {
  using right = PyString.create("right");
  // A Borrowed handle does not type-check where appendOwned wants an Owned one. The only way
  // to write this bug is to claim ownership of the raw object (Owned.adopt), and then the
  // caller's string loses a reference its owner still counts on.
  return PyString.appendOwned(Owned.adopt(args.left.obj), right);
}

/** Pydust's `concat`: a new string, nothing stolen, nothing to release. */
export function concat(args: { left: Borrowed<PyString> }): Owned<PyString> {
  return PyString.concat(args.left, "right");
}

/** Chaining appends: each call consumes the previous string and returns the next. */
export function chained(): Owned<PyString> {
  let s = PyString.create("Hello ");
  s = PyString.appendOwned(s, "1, ");
  s = PyString.appendOwned(s, "2, ");
  s = PyString.appendOwned(s, "3");
  return s;
}
