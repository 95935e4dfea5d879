# finalize.peek() shows (obj, func, args, kwargs); detach() unregisters and returns the same.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def cleanup(tag, *, verbose=False):
    print("cleanup", tag, verbose)


r = Res("r")
f = weakref.finalize(r, cleanup, "tag-r", verbose=True)
obj, func, args, kwargs = f.peek()
print("peek:", obj.name, func.__name__, args, kwargs)
print("still alive after peek:", f.alive)
g = weakref.finalize(r, cleanup, "tag-g")
print("peek kwargs when none given:", g.peek()[3])
detached = g.detach()
print("detach:", detached[0].name, detached[1].__name__, detached[2], detached[3])
print("after detach:", g.alive, g.detach(), g.peek())
del obj, detached
del r
print("only the attached finalizer ran")
