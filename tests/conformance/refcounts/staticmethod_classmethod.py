# staticmethod/classmethod wrappers hold the function; classmethod binding holds the class.
import sys


def plain():
    return "plain"


start = sys.getrefcount(plain)
sm = staticmethod(plain)
cm = classmethod(plain)
print("two wrappers:", sys.getrefcount(plain) - start)
print("wrapped function:", sm.__func__ is plain, cm.__func__ is plain)


class K:
    s = sm
    c = cm


print("stored in a class (wrappers counted):", sys.getrefcount(sm), sys.getrefcount(cm))
print("staticmethod lookup returns the function:", K.s is plain, K().s is plain)
base = sys.getrefcount(K)
bound = K.c
print("classmethod bound to the class:", bound.__self__ is K, sys.getrefcount(K) - base)
del bound
del sm, cm
print("wrappers only in the class now:", sys.getrefcount(plain) - start)
