# Sizes of assorted builtin objects: ranges, slices, iterators, views, weakrefs, modules.
import sys
import types
import weakref


class K:
    pass


k = K()
samples = [
    ("range(10)", range(10)), ("range(10**30)", range(10 ** 30)), ("slice(1, 2)", slice(1, 2)),
    ("iter([])", iter([])), ("iter(())", iter(())), ("iter('')", iter("")),
    ("enumerate([])", enumerate([])), ("zip()", zip()), ("map(str, [])", map(str, [])),
    ("reversed([])", reversed([])), ("{}.keys()", {}.keys()), ("{}.items()", {}.items()),
    ("weakref.ref(k)", weakref.ref(k)), ("module", types.ModuleType("m")),
    ("memoryview(b'abc')", memoryview(b"abc")), ("memoryview(bytearray(1000))", memoryview(bytearray(1000))),
    ("SimpleNamespace()", types.SimpleNamespace()),
]
for name, obj in samples:
    print(name.ljust(28), sys.getsizeof(obj))
