# An exception bound with `except ... as e` is referenced by e and the handled-exception state.
import sys


class MyError(Exception):
    pass


def catch():
    try:
        raise MyError("boom")
    except MyError as e:
        print("inside except:", sys.getrefcount(e))
        kept = e
        print("with an extra name:", sys.getrefcount(e))
    try:
        e
    except UnboundLocalError as u:
        print("e after except:", u)
    print("after except (kept + arg):", sys.getrefcount(kept))
    return kept


err = catch()
print("returned exception (name, arg, frame local in traceback):", sys.getrefcount(err))
print("traceback still attached:", err.__traceback__ is not None)
err.__traceback__ = None
print("traceback cleared:", sys.getrefcount(err))
saved = MyError("not raised")
print("unraised exception:", sys.getrefcount(saved), saved.__traceback__)
