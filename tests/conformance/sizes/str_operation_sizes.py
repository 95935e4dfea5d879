# Results of str operations are sized by their own content kind and length.
import sys

s = "hello"
print("base:", sys.getsizeof(s))
print("upper:", sys.getsizeof(s.upper()), "concat:", sys.getsizeof(s + " world"))
print("replace to latin-1:", sys.getsizeof(s.replace("e", "\u00e9")))
print("replace to ucs-2:", sys.getsizeof(s.replace("e", "\u20ac")))
print("latin-1 back to ascii:", sys.getsizeof("\u00e9abc".replace("\u00e9", "e")))
print("join:", sys.getsizeof(",".join(["a", "b", "c"])))
print("format:", sys.getsizeof("%s-%d" % ("x", 42)), sys.getsizeof(f"{s}!{3.5}"))
print("repr of a list:", sys.getsizeof(repr([1, 2, 3])))
print("str of int:", sys.getsizeof(str(10 ** 20)))
print("split parts:", [sys.getsizeof(p) for p in "a bb ccc".split()])
print("decode:", sys.getsizeof(b"abc".decode()), sys.getsizeof(b"\xc3\xa9".decode()))
print("multiplication:", sys.getsizeof("ab" * 50), sys.getsizeof("\u20ac" * 50))
