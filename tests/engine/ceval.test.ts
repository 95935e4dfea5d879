// The eval loop (ceval.ts and its helpers) through whole programs: each case's expected
// stdout, stderr and exit status were measured with CPython 3.11.7 (python3) running the
// same source under the same path. Run in-process with pythonrun's runProgram.
import { describeCases, type ProgramCase } from "./vm.testutil.js";

const SUITE = "eval loop";

const cases: ProgramCase[] = [
  {
    name: "arith_and_control",
    source: "def f(n):\n    total = 0\n    for i in range(n):\n        if i % 3 == 0:\n            continue\n        elif i > 10:\n            break\n        total += i * 2 - 1\n    else:\n        total = -1\n    return total\nprint(f(20), f(5))\nx = 7\nwhile x > 0:\n    x -= 3\nprint(x, -x, ~x, not x, x ** 2, 7 // 2, 7 % -3, 2 ** -1, 10 / 4)\nprint(1 < 2 < 3, 1 < 3 < 2, 2 in [1, 2], 3 not in (1, 2), None is None, [] is not [])\na = b = [1]\na += [2]\nprint(a, b, a is b)\ns = \"x\"\ns += \"y\"\nprint(s, f\"{s!r:>6}|{3.14159:.2f}|{'q'!a}|{42:#x}\")\n",
    stdout: "67 -1\n-2 2 1 False 4 3 -2 0.5 2.5\nTrue False True True True True\n[1, 2] [1, 2] True\nxy   'xy'|3.14|'q'|0x2a\n",
    stderr: "",
    status: 0,
  },
  {
    name: "calls_and_arguments",
    source: "def f(a, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, kw)\nprint(f(1, c=3))\nprint(f(1, 2, 3, 4, c=5, e=6))\nprint(f(*[1, 2], **{\"c\": 3, \"z\": 9}))\ndef p(a, /, b, *, c):\n    return a, b, c\nprint(p(1, b=2, c=3))\nfor call in [lambda: p(1, 2), lambda: p(a=1, b=2, c=3), lambda: p(1, 2, 3), lambda: p(1, 2, c=3, d=4),\n             lambda: p(), lambda: f(), lambda: f(1, 2, c=3, b=4), lambda: f(**{1: 2}, c=1),\n             lambda: p(1, b=2, b=3) if False else p(1, 2, c=3, **{\"c\": 4})]:\n    try:\n        call()\n    except TypeError as e:\n        print(e)\ndef many(a, b, c, d): pass\nfor args in [(1,), (1, 2), (1, 2, 3, 4, 5)]:\n    try:\n        many(*args)\n    except TypeError as e:\n        print(e)\ndef kwo(*, x, y): pass\ntry:\n    kwo()\nexcept TypeError as e:\n    print(e)\ndef dflt(a, b=1, c=2): pass\ntry:\n    dflt(1, 2, 3, 4)\nexcept TypeError as e:\n    print(e)\nclass K:\n    def m(self, x): return x\ntry:\n    K().m()\nexcept TypeError as e:\n    print(e)\nprint(K().m(x=5), K.m(K(), 6))\n",
    stdout: "",
    stderr: "  File \"/tmp/heapscope-vm-tests/calls_and_arguments.py\", line 11\n    lambda: p(1, b=2, b=3) if False else p(1, 2, c=3, **{\"c\": 4})]:\n                      ^^^\nSyntaxError: keyword argument repeated: b\n",
    status: 1,
  },
  {
    name: "closures_and_scopes",
    source: "def make():\n    count = 0\n    def inc():\n        nonlocal count\n        count += 1\n        return count\n    return inc\ni = make()\nprint(i(), i(), i.__closure__[0].cell_contents)\ng = 10\ndef setg():\n    global g\n    g += 1\nsetg(); print(g)\ndef unbound():\n    print(y)\n    y = 1\ntry:\n    unbound()\nexcept UnboundLocalError as e:\n    print(e)\ndef free():\n    def inner():\n        return w\n    try:\n        inner()\n    except NameError as e:\n        print(e)\n    w = 1\nfree()\ntry:\n    undefined_name\nexcept NameError as e:\n    print(e, e.name)\ndef deleted():\n    v = 1\n    del v\n    try:\n        v\n    except UnboundLocalError as e:\n        print(e)\ndeleted()\nfs = [lambda: k for k in range(3)]\nprint([f() for f in fs], [f() for f in [lambda k=k: k for k in range(3)]])\nclass C:\n    v = 1\n    items = [v for _ in range(2)] if False else None\n    def m(self):\n        return __class__.__name__\nprint(C().m())\n",
    stdout: "1 2 2\n11\ncannot access local variable 'y' where it is not associated with a value\ncannot access free variable 'w' where it is not associated with a value in enclosing scope\nname 'undefined_name' is not defined undefined_name\ncannot access local variable 'v' where it is not associated with a value\n[2, 2, 2] [0, 1, 2]\nC\n",
    stderr: "",
    status: 0,
  },
  {
    name: "comprehensions_and_unpacking",
    source: "print([x * y for x in range(3) for y in range(x) if y], {c for c in \"abca\"} == {\"a\", \"b\", \"c\"})\nprint({k: v for k, v in zip(\"ab\", (1, 2))}, list(x + 1 for x in range(3)))\na, *b, c = range(6)\nprint(a, b, c)\n(p, q), r = (1, 2), 3\nprint(p, q, r, *[1, 2], *\"ab\")\nfor bad in [\"a, b = 1, 2, 3\", \"a, b, c = 1, 2\", \"a, *b, c = [1]\", \"a, b = 5\", \"a, b = None\"]:\n    try:\n        exec(bad)\n    except (ValueError, TypeError) as e:\n        print(type(e).__name__, e)\nprint({**{\"a\": 1}, \"b\": 2, **{\"a\": 3}}, [*range(2), *()], (*\"xy\",))\ntry:\n    {**[1]}\nexcept TypeError as e:\n    print(e)\ntry:\n    print(*5)\nexcept TypeError as e:\n    print(e)\n",
    stdout: "[2] True\n{'a': 1, 'b': 2} [1, 2, 3]\n0 [1, 2, 3, 4] 5\n1 2 3 1 2 a b\nValueError too many values to unpack (expected 2)\nValueError not enough values to unpack (expected 3, got 2)\nValueError not enough values to unpack (expected at least 2, got 1)\nTypeError cannot unpack non-iterable int object\nTypeError cannot unpack non-iterable NoneType object\n{'a': 3, 'b': 2} [0, 1] ('x', 'y')\n'list' object is not a mapping\nprint() argument after * must be an iterable, not int\n",
    stderr: "",
    status: 0,
  },
  {
    name: "match_statements",
    source: "class P:\n    __match_args__ = (\"x\", \"y\")\n    def __init__(self, x, y): self.x, self.y = x, y\ndef m(v):\n    match v:\n        case 0 | 1: return \"small\"\n        case [a, b]: return f\"pair {a} {b}\"\n        case [a, *rest] if len(rest) > 2: return f\"long {a} {rest}\"\n        case {\"k\": val, **others}: return f\"map {val} {others}\"\n        case str() as s: return f\"str {s}\"\n        case P(0, y=yy): return f\"y-axis {yy}\"\n        case P(xx, 0): return f\"x-axis {xx}\"\n        case int(n) if n > 100: return f\"big {n}\"\n        case None: return \"none\"\n        case float(real=r): return f\"float {r}\"\n        case _: return \"other\"\nfor v in [0, [1, 2], [1, 2, 3, 4], {\"k\": 5, \"z\": 6}, \"hi\", P(0, 5), P(3, 0), 500, None, 2.5, (9,), b\"ab\", {\"j\": 1}]:\n    print(m(v))\ntry:\n    match P(1, 2):\n        case P(1, 2, 3): pass\nexcept TypeError as e:\n    print(e)\nclass NoArgs: pass\ntry:\n    match NoArgs():\n        case NoArgs(1): pass\nexcept TypeError as e:\n    print(e)\nmatch {\"a\": 1, \"b\": 2}:\n    case {\"a\": 1}: print(\"partial mapping matches\")\nmatch [1, 2, 3]:\n    case [*_, last]: print(\"last\", last)\n",
    stdout: "small\npair 1 2\nlong 1 [2, 3, 4]\nmap 5 {'z': 6}\nstr hi\ny-axis 5\nx-axis 3\nbig 500\nnone\nfloat 2.5\nother\nother\nother\nP() accepts 2 positional sub-patterns (3 given)\nNoArgs() accepts 0 positional sub-patterns (1 given)\npartial mapping matches\nlast 3\n",
    stderr: "",
    status: 0,
  },
  {
    name: "with_try_finally",
    source: "class CM:\n    def __init__(self, name, swallow=False): self.name, self.swallow = name, swallow\n    def __enter__(self): print(\"enter\", self.name); return self\n    def __exit__(self, t, v, tb):\n        print(\"exit\", self.name, t.__name__ if t else None)\n        return self.swallow\nwith CM(\"a\") as a, CM(\"b\"):\n    print(\"body\")\nwith CM(\"c\", True):\n    raise KeyError(\"x\")\ntry:\n    with CM(\"d\"):\n        raise ValueError(\"y\")\nexcept ValueError as e:\n    print(\"caught\", e)\ndef f():\n    for i in range(3):\n        try:\n            if i == 0: continue\n            if i == 1: return \"returned\"\n        finally:\n            print(\"finally\", i)\nprint(f())\ndef g():\n    try:\n        raise ValueError\n    finally:\n        return \"swallowed\"\nprint(g())\ndef h():\n    try:\n        try:\n            raise ValueError(\"inner\")\n        finally:\n            print(\"inner finally\")\n    except ValueError as e:\n        print(\"outer caught\", e)\n    else:\n        print(\"no\")\n    finally:\n        print(\"outer finally\")\nh()\nfor bad in [5, object()]:\n    try:\n        with bad: pass\n    except TypeError as e:\n        print(e)\nclass OnlyEnter:\n    def __enter__(self): pass\ntry:\n    with OnlyEnter(): pass\nexcept TypeError as e:\n    print(e)\n",
    stdout: "enter a\nenter b\nbody\nexit b None\nexit a None\nenter c\nexit c KeyError\nenter d\nexit d ValueError\ncaught y\nfinally 0\nfinally 1\nreturned\nswallowed\ninner finally\nouter caught inner\nouter finally\n'int' object does not support the context manager protocol\n'object' object does not support the context manager protocol\n'OnlyEnter' object does not support the context manager protocol (missed __exit__ method)\n",
    stderr: "",
    status: 0,
  },
  {
    name: "exceptions_and_exc_info",
    source: "import sys\ntry:\n    raise ValueError(\"a\")\nexcept ValueError:\n    print(sys.exc_info()[0].__name__)\n    try:\n        raise TypeError(\"b\")\n    except TypeError:\n        print(sys.exc_info()[1])\n    print(sys.exc_info()[1])\nprint(sys.exc_info())\ndef cleanup():\n    try:\n        raise ValueError(\"first\")\n    except ValueError:\n        raise RuntimeError(\"second\")\ntry:\n    cleanup()\nexcept RuntimeError as e:\n    print(repr(e.__context__), e.__suppress_context__, e.__cause__)\ntry:\n    raise ValueError(\"a\") from KeyError(\"b\")\nexcept ValueError as e:\n    print(repr(e.__cause__), e.__suppress_context__)\nfor stmt in [\"raise 5\", \"raise ValueError from 5\", \"raise\"]:\n    try:\n        exec(stmt)\n    except (TypeError, RuntimeError) as e:\n        print(type(e).__name__, e)\ntry:\n    try:\n        raise KeyError(\"k\")\n    except (ValueError, KeyError) as e:\n        print(\"tuple match\", repr(e))\n        raise\nexcept KeyError as e:\n    print(\"bare raise keeps it\", repr(e))\ntry:\n    try:\n        pass\n    except 5:\n        pass\n    print(\"no exception, no check\")\n    try:\n        1 / 0\n    except 5:\n        pass\nexcept TypeError as e:\n    print(e)\ne = None\ntry:\n    raise ValueError(\"bound\")\nexcept ValueError as e:\n    pass\ntry:\n    e\nexcept NameError as x:\n    print(x)\n",
    stdout: "ValueError\nb\na\n(None, None, None)\nValueError('first') False None\nKeyError('b') True\nTypeError exceptions must derive from BaseException\nTypeError exception causes must derive from BaseException\nRuntimeError No active exception to reraise\ntuple match KeyError('k')\nbare raise keeps it KeyError('k')\nno exception, no check\ncatching classes that do not inherit from BaseException is not allowed\nname 'e' is not defined\n",
    stderr: "",
    status: 0,
  },
  {
    name: "classes_and_super",
    source: "class Meta(type):\n    @classmethod\n    def __prepare__(mcls, name, bases, **kw):\n        print(\"prepare\", name, kw)\n        return {\"injected\": 1}\n    def __new__(mcls, name, bases, ns, **kw):\n        print(\"new\", name, sorted(k for k in ns if not k.startswith(\"__\")))\n        return super().__new__(mcls, name, bases, dict(ns))\n    def __init__(cls, name, bases, ns, **kw):\n        super().__init__(name, bases, ns)\nclass A(metaclass=Meta, flag=1):\n    x = injected + 1\nprint(A.x, type(A).__name__)\nclass Base:\n    def hello(self): return \"base\"\n    def __init_subclass__(cls, **kw):\n        print(\"init_subclass\", cls.__name__, kw)\nclass Child(Base, tag=2):\n    def hello(self):\n        return \"child+\" + super().hello() + \"+\" + (lambda: super(Child, self).hello())()\nprint(Child().hello(), Child.__mro__[1].__name__, Child.hello.__qualname__)\ndef outer():\n    class Inner:\n        def m(self): return __class__\n    return Inner\nI = outer()\nprint(I.__qualname__, I().m() is I)\nclass P:\n    def __init__(self): self._v = 0\n    @property\n    def v(self): return self._v\n    @v.setter\n    def v(self, val): self._v = val\n    @staticmethod\n    def s(): return \"static\"\n    @classmethod\n    def c(cls): return cls.__name__\np = P(); p.v = 3\nprint(p.v, P.s(), P.c(), p.c())\nclass Desc:\n    def __set_name__(self, owner, name): self.name = name\n    def __get__(self, obj, typ=None): return (\"got\", self.name, obj is None)\nclass U:\n    d = Desc()\nprint(U.d, U().d)\ndef deco(cls):\n    cls.decorated = True\n    return cls\n@deco\nclass D: pass\nprint(D.decorated)\n",
    stdout: "prepare A {'flag': 1}\nnew A ['injected', 'x']\n2 Meta\ninit_subclass Child {'tag': 2}\nchild+base+base Base Child.hello\nouter.<locals>.Inner True\n3 static P P\n('got', 'd', True) ('got', 'd', False)\nTrue\n",
    stderr: "",
    status: 0,
  },
  {
    name: "frames_and_introspection",
    source: "import sys\ndef f(a, b=2):\n    c = a + b\n    fr = sys._getframe()\n    print(fr.f_code.co_name, fr.f_lineno, sorted(fr.f_locals))\n    print(fr.f_back.f_code.co_name, sys._getframe(1).f_code.co_name)\n    return fr\nfr = f(1)\nprint(fr.f_back is None, fr.f_locals[\"c\"])\ntry:\n    sys._getframe(50)\nexcept ValueError as e:\n    print(e)\nprint(sys._getframe().f_globals is globals(), sys._getframe().f_locals is globals())\ndef gen():\n    yield sys._getframe().f_back.f_code.co_name\nprint(next(gen()))\nprint(f.__code__.co_varnames, f.__code__.co_argcount, f.__defaults__, f.__name__, f.__qualname__)\ndef tb():\n    try:\n        1 / 0\n    except ZeroDivisionError as e:\n        t = e.__traceback__\n        print(t.tb_lineno, t.tb_frame.f_code.co_name, t.tb_next)\ntb()\n",
    stdout: "f 5 ['a', 'b', 'c', 'fr']\n<module> <module>\nFalse 3\ncall stack is not deep enough\nTrue True\n<module>\n('a', 'b', 'c', 'fr') 2 (2,) f f\n21 tb None\n",
    stderr: "",
    status: 0,
  },
  {
    name: "except_star",
    source: "EG = BaseExceptionGroup\ntry:\n    raise EG(\"eg\", [ValueError(1), TypeError(2), ValueError(3)])\nexcept* ValueError as e:\n    print(\"VE\", repr(e))\nexcept* TypeError as e:\n    print(\"TE\", repr(e))\ntry:\n    try:\n        raise EG(\"eg\", [ValueError(1), KeyError(2)])\n    except* ValueError:\n        print(\"handled VE\")\nexcept BaseExceptionGroup as e:\n    print(\"rest\", repr(e))\ntry:\n    try:\n        raise ValueError(\"naked\")\n    except* ValueError as e:\n        print(\"naked\", repr(e))\n        raise KeyError(\"new\")\nexcept KeyError as e:\n    print(\"got\", repr(e))\ntry:\n    try:\n        raise EG(\"eg\", [ValueError(1)])\n    except* ValueError:\n        raise\nexcept BaseExceptionGroup as e:\n    print(\"reraised\", repr(e))\n",
    stdout: "VE ExceptionGroup('eg', [ValueError(1), ValueError(3)])\nTE ExceptionGroup('eg', [TypeError(2)])\nhandled VE\nrest ExceptionGroup('eg', [KeyError(2)])\nnaked ExceptionGroup('', (ValueError('naked'),))\ngot KeyError('new')\nreraised ExceptionGroup('eg', [ValueError(1)])\n",
    stderr: "",
    status: 0,
  },
  {
    name: "print_expr_and_compile_modes",
    source: "exec(compile(\"1 + 2\\nNone\\n'text'\", \"<single>\", \"single\")) if False else None\ncode = compile(\"x = 5\\nx * 2\", \"<s>\", \"exec\")\nns = {}\nexec(code, ns)\nprint(ns[\"x\"], eval(\"x + 1\", ns))\nexec(compile(\"40 + 2\", \"<s>\", \"single\"))\n",
    stdout: "5 6\n42\n",
    stderr: "",
    status: 0,
  },
];


describeCases(SUITE, cases);
