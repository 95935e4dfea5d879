// Modules/arraymodule.c (3.11): array_modexec (the module's attributes: array, ArrayType,
// typecodes) and its registration as a builtin module.
//
// array.array itself is in arraymodule_core.ts (storage, items, growth, buffer export) and
// arraymodule_ops.ts (construction, slots, methods, the iterator).

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { dictSetItem } from "../runtime/dict.js";
import { newModule } from "../runtime/moduleobject.js";
import { newStr, staticStr } from "../runtime/str.js";
import { registerBuiltinModule } from "./interp_state.js";
import { ArrayType, TYPECODES } from "./arraymodule_core.js";
import "./arraymodule_ops.js";

export { ArrayType, PyArray, isArray, newArray, arrayResize } from "./arraymodule_core.js";
export { ArrayIterType } from "./arraymodule_ops.js";

const ARRAY_MODULE_DOC =
  "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n";

function initArrayModule(): PyObject {
  const m = newModule("array", "built-in");
  const d = m.dict!;
  const set = (name: string, value: PyObject): void => {
    dictSetItem(d, staticStr(name), value);
  };
  const doc = newStr(ARRAY_MODULE_DOC);
  set("__doc__", doc);
  decref(doc);
  const codes = newStr(TYPECODES);
  set("typecodes", codes);
  decref(codes);
  set("array", ArrayType);
  set("ArrayType", ArrayType);
  return m;
}

registerBuiltinModule("array", initArrayModule);
