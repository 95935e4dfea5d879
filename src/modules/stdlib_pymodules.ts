// Registers the pure-Python standard-library modules heapscope ships as its own source
// (Lib/types.py, Lib/copyreg.py, Lib/copy.py in CPython 3.11). functools and operator
// register from their TypeScript halves (functoolsmodule.ts, operatormodule.ts).

import { registerPythonModule } from "./interp_state.js";
import { TYPES_SOURCE } from "./pylib/types.py.js";
import { COPY_SOURCE, COPYREG_SOURCE } from "./pylib/copy.py.js";

registerPythonModule("types", TYPES_SOURCE);
registerPythonModule("copyreg", COPYREG_SOURCE);
registerPythonModule("copy", COPY_SOURCE);
