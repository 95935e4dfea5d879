// The `0x7f...` form CPython prints for object addresses (%p: lowercase hex, no padding).

import type { PyObject } from "../runtime/object.js";

export function hexAddress(o: PyObject): string {
  return "0x" + o.address.toString(16);
}
