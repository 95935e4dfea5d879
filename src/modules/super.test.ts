// Expected outputs measured on CPython 3.11.7 (python3 -c SOURCE), generated once and
// kept literal here.
import { describe, expect, test } from "vitest";
import { runPython } from "./bltin_testing.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

describe("super", () => {
  test("super() ... repr(super(int, int))", () => {
    expect(run("import sys\ndef e(src):\n    try:\n        r = eval(src)\n        print(repr(r))\n    except BaseException as ex:\n        print(type(ex).__name__ + ':', ex)\ne('super()')\ne('super(1)')\ne('super(int, 1)')\ne('super(int, int)')\ne('super(int, 1.0)')\ne('super(1, 2, 3)')\ne('super(x=1)')\ne('repr(super(int, 1))')\ne('repr(super(int))')\ne('repr(super(int, int))')\n")).toBe("RuntimeError: super(): no arguments\nTypeError: super() argument 1 must be a type, not int\n<super: <class 'int'>, <int object>>\n<super: <class 'int'>, <int object>>\nTypeError: super(type, obj): obj must be an instance or subtype of type\nTypeError: super() expected at most 2 arguments, got 3\nTypeError: super() takes no keyword arguments\n\"<super: <class 'int'>, <int object>>\"\n\"<super: <class 'int'>, NULL>\"\n\"<super: <class 'int'>, <int object>>\"\n");
  });
  test("super(int, True).real ... super(int).__get__(None, int)", () => {
    expect(run("import sys\ndef e(src):\n    try:\n        r = eval(src)\n        print(repr(r))\n    except BaseException as ex:\n        print(type(ex).__name__ + ':', ex)\ne('super(int, True).real')\ne('super(bool, True).__repr__()')\ne('super(int, 1).__class__')\ne('super(int, 1).__thisclass__')\ne('super(int, 1).__self__')\ne('super(int, 1).__self_class__')\ne('super(int).__self__')\ne('super(int).__self_class__')\ne('super.__get__(super(int), 1, int)')\ne('super(int).__get__(None, int)')\n")).toBe("AttributeError: 'super' object has no attribute 'real'\n'1'\n<class 'super'>\n<class 'int'>\n1\n<class 'int'>\nNone\nNone\n<super: <class 'int'>, <int object>>\n<super: <class 'int'>, NULL>\n");
  });
  test("zero-argument super in methods, classmethods and properties", () => {
    expect(run("class A:\n    def f(self): return 'A.f'\n    @classmethod\n    def c(cls): return 'A.c ' + cls.__name__\n    @staticmethod\n    def s(): return 'A.s'\n    @property\n    def p(self): return 'A.p'\nclass B(A):\n    def f(self): return 'B>' + super().f()\n    @classmethod\n    def c(cls): return 'B>' + super().c()\n    def g(self): return super().s(), super().p, super(B, self).f()\n    def __repr__(self): return 'B()'\nb = B()\nprint(b.f(), B.c(), b.c(), b.g())\nprint(super(B, b), super(B, B), super(B))\nprint(super(B, b).__thisclass__, super(B, b).__self__, super(B, b).__self_class__)\nclass C(B):\n    def f(self): return 'C>' + super().f()\nprint(C().f(), C.__mro__)\nclass D:\n    def __init__(self, x):\n        self.x = x\nclass E(D):\n    def __init__(self):\n        super().__init__(5)\nprint(E().x)\n")).toBe("B>A.f B>A.c B B>A.c B ('A.s', 'A.p', 'A.f')\n<super: <class 'B'>, <B object>> <super: <class 'B'>, <B object>> <super: <class 'B'>, NULL>\n<class '__main__.B'> B() <class '__main__.B'>\nC>B>A.f (<class '__main__.C'>, <class '__main__.B'>, <class '__main__.A'>, <class 'object'>)\n5\n");
  });
  test("zero-argument super errors", () => {
    expect(run("\ndef t(code):\n    try:\n        exec(code, {'__name__': 'm'})\n    except BaseException as ex:\n        print(type(ex).__name__ + ':', ex)\nt(\"def f(): super()\\nf()\")\nt(\"def f(x): super()\\nf(1)\")\nt(\"class A:\\n  def f(): super()\\nA.f()\")\nt(\"class A:\\n  def f(*a): super()\\nA.f(1)\")\nt(\"class A:\\n  def f(self):\\n    del self\\n    super()\\nA().f()\")\nt(\"class A:\\n  def f(self):\\n    __class__ = 1\\n    super()\\nA().f()\")\nt(\"class A:\\n  def f(self):\\n    g = lambda: self\\n    return super().__repr__ is not None\\nprint(A().f())\")\nt(\"s = super(int, 1); s.x = 1\")\n")).toBe("RuntimeError: super(): no arguments\nRuntimeError: super(): __class__ cell not found\nRuntimeError: super(): no arguments\nRuntimeError: super(): no arguments\nRuntimeError: super(): arg[0] deleted\nRuntimeError: super(): __class__ cell not found\nTrue\nAttributeError: 'super' object has no attribute 'x'\n");
  });
  test("super binds descriptors along the MRO after the given class", () => {
    expect(run("\nclass A:\n    x = 'A.x'\n    def m(self): return 'A.m'\nclass B(A):\n    x = 'B.x'\nclass C(B):\n    x = 'C.x'\nc = C()\nprint(super(C, c).x, super(B, c).x, super(C, C).x, super(C, c).m(), super(C, C).m(c))\ntry: super(A, c).x\nexcept AttributeError as e: print(e)\nclass P:\n    @property\n    def p(self): return 'P.p'\nclass Q(P):\n    @property\n    def p(self): return 'Q>' + super().p\nprint(Q().p)\nclass U(int):\n    u = super(int)\nprint(U(7).u)\nclass Meta(type):\n    def __call__(cls, *a):\n        return super().__call__(*a)\nclass Made(metaclass=Meta):\n    def __init__(self, v): self.v = v\nprint(Made(3).v)\n")).toBe("B.x A.x B.x A.m A.m\n'super' object has no attribute 'x'\nQ>P.p\n<super: <class 'int'>, <U object>>\n3\n");
  });
});
