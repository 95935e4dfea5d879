# weakref.finalize calls its function once, with its arguments, when the object dies.
import weakref


class Resource:
    pass


r = Resource()
f = weakref.finalize(r, print, "finalized!", 1, sep="|")
print("alive:", f.alive, "atexit:", f.atexit)
del r
print("alive after death:", f.alive)
print("calling again returns:", f())
print("peek:", f.peek(), "detach:", f.detach())
s = Resource()
g = weakref.finalize(s, lambda a, b=0: a + b, 40, b=2)
print("explicit call returns:", g())
print("alive after explicit call:", g.alive, "second call:", g())
del s
print("object died silently")
