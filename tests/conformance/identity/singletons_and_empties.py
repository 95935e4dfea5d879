# Singletons and empty immutable containers: which constructors return the shared object.
empty_t = tuple()
empty_s = str()
empty_b = bytes()
print("tuple() is tuple([]):", empty_t is tuple([]), "tuple(range(0)):", empty_t is tuple(range(0)))
print("str() is '' via join:", empty_s is "".join([]), "slice:", empty_s is "abc"[3:])
print("bytes() is b''.join([]):", empty_b is b"".join([]))
print("frozenset() twice:", frozenset() is frozenset())
print("type(None)() is None:", type(None)() is None)
print("bool(1) is True:", bool(1) is True, "(1 == 1) is True:", (1 == 1) is True)
print("type(...)() is Ellipsis:", type(...)() is ...)
print("NotImplemented singleton:", type(NotImplemented)() is NotImplemented)
e1, e2 = tuple(), tuple()
print("concatenating empty tuples gives the singleton:", (e1 + e2) is empty_t)
l1 = [] + []
l2 = [] + []
print("two empty list concatenations are one object:", l1 is l2)
print("slice of empty tuple:", empty_t[:] is empty_t)
