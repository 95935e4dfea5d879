// The runtime's module load order for plain-ESM entry points (the CLI, the worker, bench
// scripts). The builtin type files form import cycles whose top-level code is only safe
// when dict.ts is evaluated first (it installs the tuple and dict method tables once both
// halves exist). Import this module before anything else from the runtime.

import "./dict.js";
import "./genericaliasobject.js";
