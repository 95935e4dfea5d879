// Registers heapscope's own Python source for Lib/enum.py and Lib/dataclasses.py (3.11).

import { registerPythonModule } from "./interp_state.js";
import { ENUM_SOURCE } from "./pylib/enum.py.js";
import { DATACLASSES_SOURCE } from "./pylib/dataclasses.py.js";

registerPythonModule("enum", ENUM_SOURCE);
registerPythonModule("dataclasses", DATACLASSES_SOURCE);
