# Subclasses of builtins add the GC head and (for fixed-size bases) a managed __dict__.
import sys


class I(int):
    pass


class L(list):
    pass


class D(dict):
    pass


class T(tuple):
    pass


class S(str):
    pass


class F(float):
    pass


class B(bytes):
    pass


class LS(list):
    __slots__ = ()


print("I(5):", sys.getsizeof(I(5)), "vs", sys.getsizeof(5))
print("L():", sys.getsizeof(L()), "vs", sys.getsizeof([]))
print("L([1,2,3]):", sys.getsizeof(L([1, 2, 3])))
print("D():", sys.getsizeof(D()), "vs", sys.getsizeof({}))
print("T(), T((1,2)):", sys.getsizeof(T()), sys.getsizeof(T((1, 2))))
print("S('ab'):", sys.getsizeof(S("ab")), "vs", sys.getsizeof("ab"))
print("F(1.0):", sys.getsizeof(F(1.0)))
print("B(b'ab'):", sys.getsizeof(B(b"ab")), "vs", sys.getsizeof(b"ab"))
print("list subclass with __slots__ = ():", sys.getsizeof(LS()))
