# A finalizer whose function or args reference the object keeps it alive (it never dies).
import gc
import weakref


class Res:
    def close(self):
        print("close")


r = Res()
f = weakref.finalize(r, r.close)
probe = weakref.ref(r)
del r
gc.collect()
print("bound method argument keeps the object alive:", probe() is not None, f.alive)
f()
print("explicit call ran it; now released:", probe() is None)


def close_fn(name):
    print("close_fn", name)


s = Res()
g = weakref.finalize(s, close_fn, "by name")
del s
print("a plain function is fine:", g.alive)
