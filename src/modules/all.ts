// Every module that registers itself with the interpreter (registerBuiltinModule /
// registerPythonModule when its file is evaluated). Entry points import this file once so
// that `import gc`, `import weakref`, ... find their modules.

import "./gcmodule.js";
import "./weakrefmodule.js";
import "./atexitmodule.js";
import "./arraymodule.js";
import "./iomodule.js";
import "./tracemallocmodule.js";
import "./functoolsmodule.js";
import "./operatormodule.js";
import "./collectionsmodule.js";
import "./itertoolsmodule.js";
import "./stdlib_pymodules.js";
import "./mathmodule.js";
import "./stdlib_d_pymodules.js";
import "./timemodule.js";
import "./randommodule.js";
import "./sha512module.js";
import "./textmodules.js";
