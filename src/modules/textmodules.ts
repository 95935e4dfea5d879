// Registers pure-Python standard-library modules heapscope ships as its own source:
// Lib/keyword.py, Lib/string.py, Lib/__future__.py and (a subset of) Lib/typing.py in
// CPython 3.11.

import { registerPythonModule } from "./interp_state.js";
import { KEYWORD_SOURCE } from "./pylib/keyword.py.js";
import { STRING_SOURCE } from "./pylib/string.py.js";
import { TYPING_SOURCE } from "./pylib/typing.py.js";
import { FUTURE_SOURCE } from "./pylib/__future__.py.js";

registerPythonModule("keyword", KEYWORD_SOURCE);
registerPythonModule("string", STRING_SOURCE);
registerPythonModule("typing", TYPING_SOURCE);
registerPythonModule("__future__", FUTURE_SOURCE);
