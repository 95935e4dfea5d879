# Conversions and operations that return the very same object for exact immutable types.
import copy

t = tuple([1, 2, 3])
s = "".join(["some", "text"])
b = bytes([1, 2, 3])
fs = frozenset([1, 2])
big = int("9" * 30)
print("tuple(t) is t:", tuple(t) is t, "t[:] is t:", t[:] is t)
print("str(s) is s:", str(s) is s, "s[:] is s:", s[:] is s, "s + '' is s:", (s + "") is s)
print("bytes(b) is b:", bytes(b) is b, "b[:] is b:", b[:] is b)
print("frozenset(fs) is fs:", frozenset(fs) is fs)
print("int(big) is big:", int(big) is big, "+big is big:", (+big) is big, "abs(big) is big:", abs(big) is big)
print("big * 1:", (big * 1) is big, "big + 0:", (big + 0) is big, "-(-big):", (-(-big)) is big)
L = [1, 2]
print("list copies:", L[:] is L, list(L) is L)
print("copy.copy of immutables:", copy.copy(t) is t, copy.copy(s) is s, copy.copy(fs) is fs)
print("copy.deepcopy of an int tuple:", copy.deepcopy(t) is t)
nested = tuple([[1], 2])
print("copy.deepcopy of a tuple holding a list:", copy.deepcopy(nested) is nested)
print("str.strip with nothing to strip:", s.strip() is s, "upper of upper:", s.upper().upper() is s.upper())
