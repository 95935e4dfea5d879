// Object identity of compiler- and type-made strings and tuples, as CPython 3.11 shares
// them: makecode's merged co_consts / co_names / co_localsplusnames tuples (materialize.ts),
// heap types' ht_name / ht_qualname (typecreate.ts), PyObject_SetAttr's interning
// (abstract.ts), code.replace() (codereplace.ts). Expected outputs measured on CPython
// 3.11.7 (python3 -c SOURCE) and kept literal here.
import { describe, expect, test } from "vitest";
import "../../src/runtime/load.js";
import { runPython } from "../../src/modules/bltin_testing.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

describe("identity of code tuples, type names and attribute names", () => {
  test("co_consts, co_names and co_localsplusnames tuples are merged across code objects", () => {
    expect(run("import sys\ndef f(): return 1\ndef g(): return 1\ndef p(a): return a.x\ndef q(b): return b.x\ndef h(x): return 'a b'\nprint(f.__code__.co_consts is g.__code__.co_consts, f.__code__.co_consts is f.__code__.co_consts)\nprint(p.__code__.co_names is q.__code__.co_names, sys.getrefcount(p.__code__.co_names))\nprint(f.__code__.co_varnames is f.__code__.co_varnames, p.__code__.co_varnames is p.__code__.co_varnames)\nt = (None, 1)\nprint(t is f.__code__.co_consts)\n")).toBe("True True\nTrue 4\nTrue False\nTrue\n");
  });
  test("code.replace() makes a new code object sharing the tuples", () => {
    expect(run("def f(a, b=2): return a\nc = f.__code__\nr = c.replace()\nprint(r is c, r.co_consts is c.co_consts, r.co_names is c.co_names, r.co_name)\nr2 = c.replace(co_name='g')\nprint(r2.co_name, r2.co_qualname)\nfor bad in (\"c.replace(1)\", \"c.replace(co_bogus=1)\", \"c.replace(co_name=1)\", \"c.replace(co_argcount='x')\", \"c.replace(co_consts=[1])\"):\n    try:\n        eval(bad)\n    except TypeError as e:\n        print(e)\n")).toBe("False True True f\ng f\nreplace() takes no positional arguments\n'co_bogus' is an invalid keyword argument for replace()\nreplace() argument 'co_name' must be str, not int\n'str' object cannot be interpreted as an integer\nreplace() argument 'co_consts' must be tuple, not list\n");
  });
  test("heap types keep their name objects; setattr interns the name", () => {
    expect(run("import sys\nclass MyClass:\n    pass\nname = \"MyClass\"\nprint(MyClass.__name__ is name, MyClass.__qualname__ is name, int.__name__ is int.__name__)\ndef f():\n    class L: pass\n    return L\nL = f()\nprint(L.__qualname__, L.__qualname__ is L.__qualname__)\nL.__name__ = \"\".join([\"N\", \"ew\"])\nprint(L.__name__, L.__name__ is L.__name__)\no = MyClass()\nn = \"\".join([\"qq\", \"rr\"])\nsetattr(o, n, 1)\nprint(next(iter(vars(o))) is sys.intern(\"qqrr\"), sys.intern(\"qqrr\") is n)\nd = {}\nk = \"\".join([\"ss\", \"tt\"])\nd[k] = 1\nprint(sys.intern(\"\".join([\"ss\", \"tt\"])) is k)\nM = type(\"\".join([\"M\", \"x\"]), (), {})\nprint(M.__qualname__ is M.__name__)\n")).toBe("True True False\nf.<locals>.L True\nNew True\nTrue False\nFalse\nTrue\n");
  });
});
