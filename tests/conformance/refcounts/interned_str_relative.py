# Interned strings are shared objects; runtime-built strings are fresh (differences only).
import gc
import sys

gc.disable()
gc.collect()

base = sys.getrefcount("spam")
names = ["spam"] * 4
print("four literal slots:", sys.getrefcount("spam") - base)
built = "".join(["sp", "am"])
print("built string is fresh:", sys.getrefcount(built), built == "spam")
interned = sys.intern(built)
print("intern returns the existing object:", interned is names[0])
print("after intern:", sys.getrefcount("spam") - base)
del names, interned
print("dropped:", sys.getrefcount("spam") - base)
s = "x" * 50 + str(len(built))
t = s
print("runtime string aliased:", sys.getrefcount(s))
