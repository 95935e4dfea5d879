// Deep recursion always ends in RecursionError, never in a JavaScript stack overflow, also
// through builtins and slots that call back into Python (sorted's key, map, __eq__ in a dict
// lookup, __getattr__, __iter__, properties, binary operators, __init__, yield from) and in
// deeply nested data (repr, ==, <, hash, a 20,000-long chain of __del__ objects). The
// expected output was measured with python3 (CPython 3.11.7). The program runs under
// `heapscope run` (the engine in its worker thread, as users run it), so this needs dist/.
//
// The last test is heapscope's own behaviour: with the recursion limit raised past what the
// JavaScript stack holds, the overflow surfaces as a catchable RecursionError and the
// interpreter keeps working.
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { runCase } from "./vm.testutil.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const built = existsSync(join(repo, "dist", "cli", "main.js"));

const PROGRAM = "import sys\ndef attempt(label, fn):\n    try:\n        fn()\n        print(label, \"ok\")\n    except RecursionError as e:\n        print(label, \"RecursionError\", e)\n\ndef sorted_key(x):\n    return sorted([x, x], key=sorted_key)\nattempt(\"sorted key\", lambda: sorted_key(1))\n\ndef mapper(x):\n    return list(map(mapper, [x]))\nattempt(\"map\", lambda: mapper(1))\n\n\nclass E:\n    def __hash__(self):\n        return 1\n    def __eq__(self, other):\n        return {other: 1}[self] == 1\nattempt(\"dict eq\", lambda: {E(): 1}[E()])\n\nclass L:\n    def __lt__(self, other):\n        return other < self\nattempt(\"lt\", lambda: L() < L())\n\nclass G:\n    def __getattr__(self, name):\n        return getattr(self, name)\nattempt(\"getattr\", lambda: G().x)\n\nnested = []\nfor i in range(5000):\n    nested = [nested]\nattempt(\"nested repr\", lambda: repr(nested))\nother = []\nfor i in range(5000):\n    other = [other]\nattempt(\"nested eq\", lambda: nested == other)\nd = {}\nfor i in range(5000):\n    d = {\"k\": d}\nattempt(\"nested dict repr\", lambda: repr(d))\nt = ()\nfor i in range(5000):\n    t = (t,)\nattempt(\"nested tuple repr\", lambda: repr(t))\n\ndef rec(n):\n    return rec(n + 1)\nattempt(\"plain\", lambda: rec(0))\n\nclass C:\n    def __call__(self, n):\n        return self(n)\nattempt(\"call\", lambda: C()(0))\n\nclass I:\n    def __iter__(self):\n        return iter(I())\nattempt(\"iter\", lambda: iter(I()))\n\nclass P:\n    @property\n    def p(self):\n        return self.p\nattempt(\"property\", lambda: P().p)\n\nclass Ad:\n    def __add__(self, o):\n        return self + o\nattempt(\"add\", lambda: Ad() + 1)\n\nclass Len:\n    def __len__(self):\n        return len(self)\nattempt(\"len\", lambda: len(Len()))\n\nclass Init:\n    def __init__(self):\n        Init()\nattempt(\"init\", lambda: Init())\n\ndef gen():\n    yield from gen()\nattempt(\"gen\", lambda: list(gen()))\n\nclass D:\n    def __init__(self, nxt):\n        self.nxt = nxt\n    def __del__(self):\n        pass\nhead = None\nfor i in range(20000):\n    head = D(head)\ndel head\nprint(\"del chain ok\")\n\nt = ()\nfor i in range(5000):\n    t = (t,)\nattempt(\"nested tuple hash\", lambda: hash(t))\nfs = frozenset()\nfor i in range(5000):\n    fs = frozenset([fs])\nattempt(\"nested frozenset hash\", lambda: hash(fs))\nattempt(\"nested tuple eq\", lambda: t == t)\nt2 = ()\nfor i in range(5000):\n    t2 = (t2,)\nattempt(\"nested tuple eq2\", lambda: t == t2)\nattempt(\"nested tuple lt\", lambda: t < t2)\nattempt(\"nested tuple str\", lambda: str(t))\nattempt(\"nested tuple copy\", lambda: list(t))\nimport copy\nattempt(\"deepcopy\", lambda: copy.deepcopy(t))\ndef f(): return f()\nsys.setrecursionlimit(10000)\nattempt(\"plain 10000\", lambda: f())\nsys.setrecursionlimit(1000)\n\nclass A:\n    def __eq__(self, o):\n        return [self] == [o]\nattempt(\"eq list\", lambda: A() == A())\nclass H:\n    def __hash__(self):\n        return hash(self)\nattempt(\"hash\", lambda: hash(H()))\nclass B:\n    def __bool__(self):\n        return bool(self)\nattempt(\"bool\", lambda: bool(B()))\nclass Gi:\n    def __getitem__(self, i):\n        return self[i]\nattempt(\"getitem\", lambda: Gi()[0])\nclass Fmt:\n    def __format__(self, spec):\n        return format(self, spec)\nattempt(\"format\", lambda: format(Fmt(), \"\"))\nclass Ctx:\n    def __enter__(self):\n        with Ctx():\n            pass\n    def __exit__(self, *a):\n        pass\nattempt(\"with\", lambda: Ctx().__enter__())\nprint(\"done\")\n";

const EXPECTED = "sorted key RecursionError maximum recursion depth exceeded\nmap RecursionError maximum recursion depth exceeded\ndict eq RecursionError maximum recursion depth exceeded\nlt RecursionError maximum recursion depth exceeded\ngetattr RecursionError maximum recursion depth exceeded\nnested repr RecursionError maximum recursion depth exceeded while getting the repr of an object\nnested eq RecursionError maximum recursion depth exceeded in comparison\nnested dict repr RecursionError maximum recursion depth exceeded while getting the repr of an object\nnested tuple repr RecursionError maximum recursion depth exceeded while getting the repr of an object\nplain RecursionError maximum recursion depth exceeded\ncall RecursionError maximum recursion depth exceeded\niter RecursionError maximum recursion depth exceeded while calling a Python object\nproperty RecursionError maximum recursion depth exceeded\nadd RecursionError maximum recursion depth exceeded\nlen RecursionError maximum recursion depth exceeded\ninit RecursionError maximum recursion depth exceeded\ngen RecursionError maximum recursion depth exceeded\ndel chain ok\nnested tuple hash ok\nnested frozenset hash ok\nnested tuple eq ok\nnested tuple eq2 RecursionError maximum recursion depth exceeded in comparison\nnested tuple lt RecursionError maximum recursion depth exceeded in comparison\nnested tuple str RecursionError maximum recursion depth exceeded while getting the repr of an object\nnested tuple copy ok\ndeepcopy RecursionError maximum recursion depth exceeded while calling a Python object\nplain 10000 RecursionError maximum recursion depth exceeded\neq list RecursionError maximum recursion depth exceeded\nhash RecursionError maximum recursion depth exceeded\nbool RecursionError maximum recursion depth exceeded\ngetitem RecursionError maximum recursion depth exceeded\nformat RecursionError maximum recursion depth exceeded\nwith RecursionError maximum recursion depth exceeded while calling a Python object\ndone\n";

describe("recursion through builtins and nested data", () => {
  it.skipIf(!built)("matches CPython under heapscope run", () => {
    const dir = "/tmp/heapscope-vm-tests";
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "recursion_builtins.py");
    writeFileSync(path, PROGRAM);
    const run = spawnSync(process.execPath, [join(repo, "bin", "heapscope.js"), "run", path], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(EXPECTED);
    expect(run.status).toBe(0);
  }, 600_000);

  it("a JavaScript stack overflow becomes a RecursionError the program can catch", async () => {
    const source = [
      "import sys",
      "sys.setrecursionlimit(1000000)",
      "nested = []",
      "for i in range(30000):",
      "    nested = [nested]",
      "try:",
      "    repr(nested)",
      "    print('no overflow')",
      "except RecursionError as e:",
      "    print('caught', e)",
      "print(repr([1, [2]]), sys.getrefcount(nested))",
      "del nested",
      "class K:",
      "    def __init__(self, n): self.n = n",
      "    def __repr__(self): return repr(self.n)",
      "x = 0",
      "for i in range(30000):",
      "    x = K(x)",
      "repr(x)",
    ].join("\n");
    const got = await runCase({ name: "js_stack_overflow", source });
    expect(got.stdout).toBe("caught maximum recursion depth exceeded\n[1, [2]] 2\n");
    const lines = got.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("Traceback (most recent call last):");
    expect(lines[lines.length - 1]).toBe("RecursionError: maximum recursion depth exceeded");
    expect(got.stderr).not.toMatch(/^\s+at /m);
    expect(got.status).toBe(1);
  }, 600_000);
});
