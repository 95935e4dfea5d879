// Reference counts and object lifetimes as the eval loop makes them: the value stack's
// references (sys.getrefcount), __del__ timing (del, rebinding, returns releasing locals in
// slot order, exception handlers, generator close) and the order of finalization at exit
// (pythonrun.ts). Expected outputs measured with CPython 3.11.7.
import { describeCases, type ProgramCase } from "./vm.testutil.js";

const SUITE = "lifetimes";

const cases: ProgramCase[] = [
  {
    name: "refcounts",
    source: "import sys\nx = object()\nprint(\"global\", sys.getrefcount(x))\ndef f(a):\n    b = a\n    print(\"arg and local\", sys.getrefcount(a))\n    def inner():\n        return a\n    return inner\ng = f(x)\nprint(\"after closure\", sys.getrefcount(x))\ndel g\nfor item in [x, x]:\n    print(\"loop\", sys.getrefcount(item))\nprint([sys.getrefcount(y) for y in [x]])\nclass K:\n    def m(self): return sys.getrefcount(self)\nk = K()\nprint(\"method call\", k.m(), sys.getrefcount(k))\nbm = k.m\nprint(\"bound method\", sys.getrefcount(k), sys.getrefcount(bm))\ndef gen():\n    yield x\ngg = gen()\nprint(\"generator\", sys.getrefcount(gg), sys.getrefcount(x))\nnext(gg)\nprint(\"suspended\", sys.getrefcount(x))\ntry:\n    raise ValueError(x)\nexcept ValueError as e:\n    print(\"exception\", sys.getrefcount(e), sys.getrefcount(x))\n    tb = e.__traceback__\nprint(\"traceback kept\", sys.getrefcount(tb), sys.getrefcount(x))\ndel tb\nprint(\"released\", sys.getrefcount(x))\ndef kw(**kwargs):\n    return sys.getrefcount(kwargs[\"z\"])\nprint(\"kwargs\", kw(z=x), kw(**{\"z\": x}))\ndef va(*args):\n    return sys.getrefcount(args[0])\nprint(\"varargs\", va(x), va(*[x, x]))\n",
    stdout: "global 2\narg and local 4\nafter closure 3\nloop 5\nloop 5\n[5]\nmethod call 3 2\nbound method 3 2\ngenerator 2 3\nsuspended 3\nexception 3 4\ntraceback kept 2 3\nreleased 3\nkwargs 4 6\nvarargs 4 7\n",
    stderr: "",
    status: 0,
  },
  {
    name: "del_timing",
    source: "class D:\n    def __init__(self, n): self.n = n\n    def __del__(self): print(\"del\", self.n)\na = D(1)\ndel a\nprint(\"after del\")\nb = D(2)\nb = D(3)\nprint(\"after rebind\")\ndef f():\n    x = D(4)\n    y = D(5)\n    z = D(6)\n    print(\"returning\")\nf()\nprint(\"after f\")\ndef g():\n    x = D(7)\n    raise ValueError(\"boom\")\ntry:\n    g()\nexcept ValueError as e:\n    print(\"handler\", e)\nprint(\"after handler\")\ndef h():\n    try:\n        raise KeyError(D(8))\n    except KeyError as e:\n        print(\"in handler\")\n    print(\"after clause\")\nh()\ndef gen():\n    d = D(9)\n    try:\n        yield 1\n    finally:\n        print(\"gen finally\")\nit = gen(); next(it); it.close()\nprint(\"closed\")\nit2 = gen(); next(it2); del it2\nprint(\"deleted generator\")\nprint([D(i).n for i in (10, 11)])\ntry:\n    D(\"temp\").missing\nexcept AttributeError:\n    print(\"temporary released before handler\")\nprint(\"end\")\n",
    stdout: "del 1\nafter del\ndel 2\nafter rebind\nreturning\ndel 4\ndel 5\ndel 6\nafter f\nhandler boom\ndel 7\nafter handler\nin handler\ndel 8\nafter clause\ngen finally\ndel 9\nclosed\ngen finally\ndel 9\ndeleted generator\ndel 10\ndel 11\n[10, 11]\ntemporary released before handler\ndel temp\nend\ndel 3\n",
    stderr: "",
    status: 0,
  },
  {
    name: "exit_finalization",
    source: "class Res:\n    def __init__(self, name): self.name = name\n    def __del__(self): print(\"exit-time del\", self.name)\nfirst = Res(\"first\")\n_private = Res(\"_private\")\ngroup = (Res(\"group0\"), Res(\"group1\"))\nlast = Res(\"last\")\ndef keep(): return first\nprint(\"end of script\")\n",
    stdout: "end of script\nexit-time del first\nexit-time del _private\nexit-time del last\nexit-time del group1\nexit-time del group0\n",
    stderr: "",
    status: 0,
  },
  {
    name: "exit_cycle_and_atexit",
    source: "import atexit, gc\nclass Node:\n    def __init__(self, name): self.name, self.other = name, None\n    def __del__(self): print(\"del\", self.name)\na, b = Node(\"a\"), Node(\"b\")\na.other, b.other = b, a\ndel a, b\natexit.register(lambda: print(\"atexit callback\"))\nprint(\"collected now:\", gc.collect() > 0)\nx, y = Node(\"x\"), Node(\"y\")\nx.other, y.other = y, x\ndel x, y\nprint(\"end\")\n",
    stdout: "del a\ndel b\ncollected now: True\nend\natexit callback\ndel x\ndel y\n",
    stderr: "",
    status: 0,
  },
  {
    name: "del_during_shutdown_error",
    source: "class Failing:\n    def __call__(self):\n        print(\"finalizer at exit\")\n        raise ValueError(\"failed during shutdown\")\n    def __repr__(self):\n        return \"<Failing finalizer>\"\nclass Holder:\n    __del__ = Failing()\nkeep = Holder()\nprint(\"end of script\")\n",
    stdout: "end of script\nfinalizer at exit\n",
    stderr: "Exception ignored in: <Failing finalizer>\nTraceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/del_during_shutdown_error.py\", line 4, in __call__\nValueError: failed during shutdown\n",
    status: 0,
  },
  {
    name: "with_and_exit_refs",
    source: "import sys\nclass W:\n    def __enter__(self): return self\n    def __exit__(self, *a):\n        print(\"exit sees\", sys.getrefcount(self), a[0])\n        return True\nw = W()\nwith w as ww:\n    print(\"inside\", sys.getrefcount(w))\nwith w:\n    raise KeyError\nprint(\"after\", sys.getrefcount(w))\n",
    stdout: "inside 4\nexit sees 5 None\nexit sees 5 <class 'KeyError'>\nafter 3\n",
    stderr: "",
    status: 0,
  },
];


describeCases(SUITE, cases);
