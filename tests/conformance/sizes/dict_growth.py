# dict sizes while inserting int keys and str keys (str-only tables use 16-byte entries).
import sys


def breakpoints(make_key):
    d = {}
    out = [(0, sys.getsizeof(d))]
    for i in range(100):
        d[make_key(i)] = i
        if sys.getsizeof(d) != out[-1][1]:
            out.append((i + 1, sys.getsizeof(d)))
    return out


print("int keys (len, size):", breakpoints(lambda i: i))
print("str keys (len, size):", breakpoints(lambda i: "k%d" % i))
print("comprehension n=0..12:", [sys.getsizeof({i: i for i in range(n)}) for n in range(13)])
print("__sizeof__ of {}:", {}.__sizeof__(), "getsizeof:", sys.getsizeof({}))
