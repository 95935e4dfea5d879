// Expected outputs measured on CPython 3.11.7 (each program run as
// /tmp/heapscope-test/prog.py with python3), generated once and kept literal here.
import { describe, expect, test } from "vitest";
import { runProgramText } from "./iomodule_testutil.js";

const FILE = "/tmp/heapscope-test/prog.py";

describe("copy, copyreg and types (Lib/copy.py, Lib/copyreg.py, Lib/types.py)", () => {
  test("shallow and deep copies, slots, memo, types' names", async () => {
    const source = "import copy, sys, types, gc\nclass Leaf: pass\nleaf = Leaf()\nouter = [leaf, [leaf]]\nprint(sys.getrefcount(leaf))\nshallow = copy.copy(outer)\ndeep = copy.deepcopy(outer)\nprint(sys.getrefcount(leaf), shallow[1] is outer[1], deep[0] is leaf, deep[1][0] is deep[0], sys.getrefcount(deep[0]))\nclass P:\n    __slots__ = (\"a\", \"b\")\n    def __init__(self): self.a = [1]\np = P()\np2 = copy.deepcopy(p)\nprint(p2.a, p2.a is p.a, hasattr(p2, \"b\"), P.__slotnames__)\nclass D:\n    def __init__(self): self.x = {\"k\": [1]}\nd = D(); d2 = copy.copy(d); d3 = copy.deepcopy(d)\nprint(d2.x is d.x, d3.x == d.x, d3.x is d.x)\nt = (1, 2); n = ([1], 2)\nprint(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(n) is n)\nclass Custom:\n    def __copy__(self): return \"copied\"\n    def __deepcopy__(self, memo): return \"deep\"\nprint(copy.copy(Custom()), copy.deepcopy(Custom()))\nr = [1]; r.append(r)\nr2 = copy.deepcopy(r)\nprint(r2[1] is r2)\nprint(types.FunctionType, types.MethodType, types.ModuleType, types.SimpleNamespace, types.GeneratorType, types.CodeType, types.BuiltinFunctionType, types.NoneType, types.MappingProxyType, types.CellType)\nns = types.SimpleNamespace(a=1, b=[2])\nprint(ns, sys.getsizeof(ns), gc.is_tracked(ns), ns == types.SimpleNamespace(a=1, b=[2]))\nm = types.ModuleType(\"m\")\nprint(m, sys.getsizeof(m))\nC = types.new_class(\"C\", (object,), {}, lambda ns: ns.update(x=1))\nprint(C.x, C.__name__)\n";
    expect(await runProgramText(source, FILE)).toBe("4\n5 True False True 3\n[1] False False ['a', 'b']\nTrue True False\nTrue True False\ncopied deep\nTrue\n<class 'function'> <class 'method'> <class 'module'> <class 'types.SimpleNamespace'> <class 'generator'> <class 'code'> <class 'builtin_function_or_method'> <class 'NoneType'> <class 'mappingproxy'> <class 'cell'>\nnamespace(a=1, b=[2]) 40 True True\n<module 'm'> 72\n1 C\n");
  }, 120000);
});
