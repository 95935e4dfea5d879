# Identifier-like string constants are interned; other strings are shared only within one unit.
import sys

print("identifier-like via eval:", eval("'hello_world'") is eval("'hello_world'"))
print("with a space via eval:", eval("'hello world'") is eval("'hello world'"))
print("digits and underscores:", eval("'abc_123'") is eval("'abc_123'"))
print("non-ASCII identifier-ish:", eval("'caf\u00e9'") is eval("'caf\u00e9'"))


def f():
    return "hello world"


def g():
    return "hello world"


print("same file, two functions:", f() is g())
hello = "hello"
built = "".join(["hel", "lo"])
print("runtime join is not interned:", built is hello, built == hello)
print("sys.intern gives the constant:", sys.intern(built) is hello)
s1 = sys.intern("".join(["x", "y", "z", " ", "w"]))
s2 = sys.intern("xyz" + " w")
print("sys.intern of non-identifiers:", s1 is s2)
try:
    sys.intern(b"bytes")
except TypeError as e:
    print("TypeError:", e)
