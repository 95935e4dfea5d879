# Interning changes identity, not size; equal strings built differently have equal sizes.
import sys

lit = "memory_view"
built = "_".join(["memory", "view"])
print("equal:", lit == built, "same size:", sys.getsizeof(lit) == sys.getsizeof(built))
interned = sys.intern(built)
print("intern gives the literal:", interned is lit, sys.getsizeof(interned))
latin = "caf\u00e9"
latin_built = "caf" + chr(233)
print("latin-1 literal vs built:", sys.getsizeof(latin), sys.getsizeof(latin_built))
print("sizes of one-char strings:", sys.getsizeof("a"), sys.getsizeof(chr(200)), sys.getsizeof(chr(300)))
print("empty string:", sys.getsizeof(""), sys.getsizeof(str()))
