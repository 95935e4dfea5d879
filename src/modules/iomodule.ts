// Modules/_io/_iomodule.c (3.11): PyInit__io (the module's types and constants) and Lib/io.py's
// re-export of them as `io` (IOBase, RawIOBase, BufferedIOBase and TextIOBase are _io's bases
// here, not ABCs).
//
// Only the in-memory streams exist: BytesIO (iomodule_bytesio.ts) and StringIO
// (iomodule_stringio.ts). open() is builtins.open, which refuses to touch the host's files;
// TextIOWrapper is the type of sys.stdout and friends.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { dictGetItemStr, dictSetItem } from "../runtime/dict.js";
import { newModule } from "../runtime/moduleobject.js";
import { newStr, staticStr } from "../runtime/str.js";
import { newInt } from "../runtime/int.js";
import { BlockingIOErrorType } from "../runtime/exceptions.js";
import { listFromOwned } from "../runtime/list.js";
import { registerBuiltinModule, type Interpreter } from "./interp_state.js";
import { TextStreamType } from "./sys_streams.js";
import {
  IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType, unsupportedOperationType,
} from "./iomodule_base.js";
import { BytesIOType, BytesIOBufferType } from "./iomodule_bytesio.js";
import { StringIOType } from "./iomodule_stringio.js";

export { BytesIOType, PyBytesIO, BytesIOBufferType, isBytesIO } from "./iomodule_bytesio.js";
export { StringIOType, PyStringIO } from "./iomodule_stringio.js";
export { unsupportedOperationType } from "./iomodule_base.js";

/** io.DEFAULT_BUFFER_SIZE */
export const DEFAULT_BUFFER_SIZE = 8192;

const IO_DOC =
  "The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this module.\n";

function fill(m: PyObject & { dict: import("../runtime/dict.js").PyDict | null }, interp: Interpreter, lib: boolean): void {
  const d = m.dict!;
  const set = (name: string, value: PyObject): void => {
    dictSetItem(d, staticStr(name), value);
  };
  const own = (name: string, value: PyObject): void => {
    set(name, value);
    decref(value);
  };
  own("__doc__", newStr(IO_DOC));
  own("DEFAULT_BUFFER_SIZE", newInt(DEFAULT_BUFFER_SIZE));
  set("UnsupportedOperation", unsupportedOperationType());
  set("BlockingIOError", BlockingIOErrorType);
  const open = dictGetItemStr(interp.builtins, staticStr("open"));
  if (open !== null) set("open", open);
  set("BytesIO", BytesIOType);
  set("StringIO", StringIOType);
  set("TextIOWrapper", TextStreamType);
  if (lib) {
    set("IOBase", IOBaseType);
    set("RawIOBase", RawIOBaseType);
    set("BufferedIOBase", BufferedIOBaseType);
    set("TextIOBase", TextIOBaseType);
    own("SEEK_SET", newInt(0));
    own("SEEK_CUR", newInt(1));
    own("SEEK_END", newInt(2));
    const names = ["BlockingIOError", "open", "IOBase", "RawIOBase", "StringIO", "BytesIO", "TextIOWrapper",
      "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "TextIOBase",
      "BufferedIOBase"];
    own("__all__", listFromOwned(names.map((n) => newStr(n))));
  } else {
    set("_IOBase", IOBaseType);
    set("_RawIOBase", RawIOBaseType);
    set("_BufferedIOBase", BufferedIOBaseType);
    set("_TextIOBase", TextIOBaseType);
    set("_BytesIOBuffer", BytesIOBufferType);
  }
}

registerBuiltinModule("_io", (interp) => {
  const m = newModule("_io", "built-in");
  fill(m, interp, false);
  return m;
});

registerBuiltinModule("io", (interp) => {
  const m = newModule("io", "built-in");
  fill(m, interp, true);
  return m;
});


