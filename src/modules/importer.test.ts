// Messages follow CPython 3.11.7's import system (measured with builtin modules, which have
// no __file__ either: "cannot import name 'x' from 'sys' (unknown location)").
import { describe, expect, test } from "vitest";
import { decref } from "../runtime/refcount.js";
import { newModule } from "../runtime/moduleobject.js";
import { dictSetItem } from "../runtime/dict.js";
import { newInt } from "../runtime/int.js";
import { staticStr } from "../runtime/str.js";
import { registerBuiltinModule, registerPythonModule } from "./interp.js";
import { runPython } from "./bltin_testing.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

let inits = 0;
registerBuiltinModule("_hs_test_native", () => {
  inits++;
  const m = newModule("_hs_test_native", "built-in");
  const v = newInt(7);
  dictSetItem(m.dict!, staticStr("value"), v);
  decref(v);
  return m;
});
registerPythonModule("hs_mod", "print('running hs_mod', __name__, __package__)\nvalue = 42\n_private = 1\ndef helper(): return value\n");
registerPythonModule("hs_all", "__all__ = ['a', '_b']\na = 1\n_b = 2\nc = 3\n");
registerPythonModule("hs_broken", "print('hs_broken runs')\nraise ValueError('broken')\n");
registerPythonModule("hs_pkg", "from . import sub\nfrom .sub import val\nX = 'pkg'\n", { isPackage: true });
registerPythonModule("hs_pkg.sub", "val = 'sub.val'\nfrom . import sibling\n");
registerPythonModule("hs_pkg.sibling", "S = 'sibling'\n");
registerPythonModule("hs_pkg.deep", "", { isPackage: true });
registerPythonModule("hs_pkg.deep.leaf", "from .. import X as top\nfrom ..sibling import S\nLEAF = (top, S)\n");
registerPythonModule("hs_circ_a", "import hs_circ_b\nA = 'a'\n");
registerPythonModule("hs_circ_b", "from hs_circ_a import A\n");
registerPythonModule("hs_toplevel_relative", "from . import x\n");
registerPythonModule("hs_pkg.beyond", "from ... import x\n");

describe("import of registered modules", () => {
  test("a Python module runs once and is cached in sys.modules", () => {
    expect(run("import hs_mod\nimport hs_mod as again\nimport sys\nprint(hs_mod.value, hs_mod.helper(), again is hs_mod, sys.modules['hs_mod'] is hs_mod)\nprint(hs_mod)\nprint(type(hs_mod.__builtins__).__name__)\n")).toBe(
      "running hs_mod hs_mod \n42 42 True True\n<module 'hs_mod' (frozen)>\ndict\n",
    );
  });

  test("a TypeScript module is created by its init function on first import", () => {
    inits = 0;
    expect(run("import _hs_test_native\nimport _hs_test_native\nprint(_hs_test_native.value, _hs_test_native)\nimport sys\nprint('_hs_test_native' in sys.builtin_module_names)\n")).toBe(
      "7 <module '_hs_test_native' (built-in)>\nTrue\n",
    );
    expect(inits).toBe(1);
  });

  test("from-import and import *", () => {
    expect(run("from hs_mod import value, helper as h\nprint(value, h())\nfrom hs_all import *\nprint(a, _b)\ntry: c\nexcept NameError as e: print(e)\nfrom hs_mod import *\nprint('_private' in dir(), 'helper' in dir())\n")).toBe(
      "running hs_mod hs_mod \n42 42\n1 2\nname 'c' is not defined\nFalse True\n",
    );
  });

  test("a module that fails is not left in sys.modules", () => {
    expect(run("import sys\nfor i in range(2):\n    try:\n        import hs_broken\n    except ValueError as e:\n        print('failed', e, 'hs_broken' in sys.modules)\n")).toBe(
      "hs_broken runs\nfailed broken False\nhs_broken runs\nfailed broken False\n",
    );
  });

  test("packages, submodules and relative imports", () => {
    expect(run("import hs_pkg\nprint(hs_pkg.X, hs_pkg.val, hs_pkg.sub.val, hs_pkg.sibling.S, hs_pkg.__path__, hs_pkg.__package__, hs_pkg.sub.__package__)\nimport hs_pkg.deep.leaf\nprint(hs_pkg.deep.leaf.LEAF)\nfrom hs_pkg.deep import leaf\nprint(leaf is hs_pkg.deep.leaf)\nprint(__import__('hs_pkg.sub').__name__, __import__('hs_pkg.sub', fromlist=['val']).__name__)\nfrom hs_pkg import sub, sibling\nprint(sub.val, sibling.S)\n")).toBe(
      "pkg sub.val sub.val sibling [] hs_pkg hs_pkg\n('pkg', 'sibling')\nTrue\nhs_pkg hs_pkg.sub\nsub.val sibling\n",
    );
  });

  test("ModuleNotFoundError and ImportError messages", () => {
    const source = [
      "def t(code):",
      "    try:",
      "        exec(code, {'__name__': 'm'})",
      "    except ImportError as ex:",
      "        print(type(ex).__name__ + ':', ex, '|', ex.name)",
      "t('import hs_nothing')",
      "t('import hs_nothing.sub')",
      "t('import hs_mod.sub')",
      "t('import hs_pkg.missing')",
      "t('from hs_mod import nope')",
      "t('from hs_pkg import missing')",
      "t('from . import x')",
      "t('import hs_toplevel_relative')",
      "t('import hs_pkg.beyond')",
      "t('import sys.path')",
    ].join("\n");
    expect(run(source)).toBe(
      [
        "ModuleNotFoundError: No module named 'hs_nothing' | hs_nothing",
        "ModuleNotFoundError: No module named 'hs_nothing' | hs_nothing",
        "running hs_mod hs_mod ",
        "ModuleNotFoundError: No module named 'hs_mod.sub'; 'hs_mod' is not a package | hs_mod.sub",
        "ModuleNotFoundError: No module named 'hs_pkg.missing' | hs_pkg.missing",
        "ImportError: cannot import name 'nope' from 'hs_mod' (unknown location) | hs_mod",
        "ImportError: cannot import name 'missing' from 'hs_pkg' (unknown location) | hs_pkg",
        "ImportError: attempted relative import with no known parent package | None",
        "ImportError: attempted relative import with no known parent package | None",
        "ImportError: attempted relative import beyond top-level package | None",
        "ModuleNotFoundError: No module named 'sys.path'; 'sys' is not a package | sys.path",
        "",
      ].join("\n"),
    );
  });

  test("a circular from-import sees the partially initialised module", () => {
    expect(run("try:\n    import hs_circ_a\nexcept ImportError as e:\n    print(e)\nimport sys\nprint('hs_circ_a' in sys.modules, 'hs_circ_b' in sys.modules)\n")).toBe(
      "cannot import name 'A' from 'hs_circ_a' (unknown location)\nFalse False\n",
    );
  });

  test("__import__ arguments", () => {
    const source = [
      "def e(src):",
      "    try: print(repr(eval(src)))",
      "    except BaseException as ex: print(type(ex).__name__ + ':', ex)",
      "e('__import__(\"sys\").__name__')",
      "e('__import__(\"\")')",
      "e('__import__(1)')",
      "e('__import__(\"a\", level=-1)')",
      "e('__import__(\"a\", level=1)')",
      "e('__import__(\"sys\", {}, {}, [], 1)')",
      "e('__import__(\"sys\", fromlist=1).__name__')",
      "e('__import__(\"hs_pkg\", fromlist=[1])')",
      "e('__import__(\"hs_pkg\", fromlist=[\"nope\"]).__name__')",
    ].join("\n");
    expect(run(source)).toBe(
      [
        "'sys'",
        "ValueError: Empty module name",
        "TypeError: module name must be a string",
        "ValueError: level must be >= 0",
        "KeyError: \"'__name__' not in globals\"",
        "KeyError: \"'__name__' not in globals\"",
        "'sys'",
        "TypeError: Item in ``from list'' must be str, not int",
        "'hs_pkg'",
        "",
      ].join("\n"),
    );
  });
});
