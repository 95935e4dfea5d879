// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { dictGetItemStr } from "../runtime/dict.js";
import { staticStr } from "../runtime/str.js";
import { isModule } from "../runtime/moduleobject.js";
import { interpreterHooks } from "../python/hooks.js";
import { createInterpreter, currentInterpreter } from "./interp.js";
import { runPython } from "./bltin_testing.js";

describe("createInterpreter", () => {
  test("sys.modules holds sys, builtins and __main__; the interpreter is current", () => {
    const interp = createInterpreter({ argv: ["prog.py", "x"], write: () => {} });
    expect(currentInterpreter).toBe(interp);
    for (const name of ["sys", "builtins", "__main__"]) {
      const m = dictGetItemStr(interp.modules, staticStr(name));
      expect(m !== null && isModule(m)).toBe(true);
    }
    expect(interp.builtins).toBe(interp.builtinsModule.dict);
    expect(interp.sysAttr("modules")).toBe(interp.modules);
    expect(interp.excepthook()).not.toBeNull();
    expect(interpreterHooks.staticName("abc")).toBe(staticStr("abc"));
  });

  test("__main__'s namespace starts as CPython's", () => {
    const r = runPython("print(list(globals()))\nprint(__builtins__, __name__, __doc__, __package__, __spec__, __annotations__)\n");
    expect(r.stdout).toBe(
      "['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', '__builtins__']\n" +
        "<module 'builtins' (built-in)> __main__ None None None {}\n",
    );
  });

  test("sys.stdout and sys.stderr write through options.write", () => {
    const r = runPython("import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.stdout.write('w')\nprint(sys.argv)\n");
    expect(r.stdout).toBe("out\nw['<test>']\n");
    expect(r.stderr).toBe("err\n");
  });

  test("sys._debugmallocstats() writes the allocator report to stderr", () => {
    const r = runPython("import sys\nsys._debugmallocstats()\nprint(sys.getallocatedblocks() > 0)\n");
    expect(r.stdout).toBe("True\n");
    expect(r.stderr.startsWith("Small block threshold = 512, in 32 size classes.\n")).toBe(true);
  });

  test("the default sys.excepthook prints the traceback to sys.stderr", () => {
    const r = runPython("import sys\ntry:\n    1/0\nexcept ZeroDivisionError as e:\n    sys.excepthook(type(e), e, e.__traceback__)\nsys.__excepthook__(TypeError, TypeError('t'), None)\n", "main.py");
    expect(r.stderr).toBe(
      "Traceback (most recent call last):\n" +
        '  File "main.py", line 3, in <module>\n' +
        "    1/0\n" +
        "    ~^~\n" +
        "ZeroDivisionError: division by zero\n" +
        "TypeError: t\n",
    );
  });

  test("a class body whose namespace is not a dict reads names through it", () => {
    const r = runPython(
      "class NS(dict):\n    def __getitem__(self, k):\n        return 'ns:' + k if k == 'magic' else dict.__getitem__(self, k)\n" +
        "class M(type):\n    @classmethod\n    def __prepare__(m, n, b): return NS()\n" +
        "class C(metaclass=M):\n    x = magic\n    y = len\nprint(C.x, C.y)\n",
    );
    expect(r.stdout + r.error).toBe("ns:magic <built-in function len>\n");
  });

  test("f(*args, **kwargs) accepts any iterable and mapping, with CPython's messages", () => {
    const r = runPython(
      "def f(*a, **k): return a, k\n" +
        "class Map:\n    def keys(self): return ['k']\n    def __getitem__(self, key): return key * 2\n" +
        "print(f(*[1, 2], **{'x': 3}), f(*range(2)), f(*'ab'), f(**Map()))\n" +
        "for args in ['f(*1)', 'f(**1)', 'f(**{\"a\": 1}, **{\"a\": 2})', 'len(*1)']:\n" +
        "    try: eval(args)\n    except TypeError as e: print(e)\n",
    );
    expect(r.stdout + r.error).toBe(
      "((1, 2), {'x': 3}) ((0, 1), {}) (('a', 'b'), {}) ((), {'k': 'kk'})\n" +
        "__main__.f() argument after * must be an iterable, not int\n" +
        "__main__.f() argument after ** must be a mapping, not int\n" +
        "__main__.f() got multiple values for keyword argument 'a'\n" +
        "len() argument after * must be an iterable, not int\n",
    );
  });
});
