# Exception instances hold their constructor arguments in .args.
import sys


class Detail:
    pass


d = Detail()
e1 = ValueError(d)
print("in args:", sys.getrefcount(d), e1.args[0] is d)
e2 = KeyError(d, d)
print("two args:", sys.getrefcount(d))
e1.args = ()
print("args replaced:", sys.getrefcount(d))
e2.note = d
print("attribute on exception:", sys.getrefcount(d))
try:
    raise e2
except KeyError as caught:
    print("caught is e2:", caught is e2, sys.getrefcount(e2))
print("after handler:", sys.getrefcount(e2))
e2.__traceback__ = None
print("traceback cleared:", sys.getrefcount(e2))
del e2
print("exception dropped:", sys.getrefcount(d))
