# functools.partial and operator getters/callers store their arguments.
import functools
import operator
import sys

arg = ["arg"]
p = functools.partial(print, arg, sep="-")
print("partial positional arg:", sys.getrefcount(arg))
q = functools.partial(p, arg)
print("partial of partial (flattened args):", sys.getrefcount(arg), q.func is print)
kw = functools.partial(dict, key=arg)
print("partial keyword arg:", sys.getrefcount(arg))
del p, q, kw
print("partials dropped:", sys.getrefcount(arg))
ig = operator.itemgetter(arg, arg)
print("itemgetter with two keys:", sys.getrefcount(arg))
ag = operator.attrgetter("real")
print("attrgetter result:", ag(5))
mc = operator.methodcaller("append", arg)
print("methodcaller holds its argument:", sys.getrefcount(arg))
target = []
mc(target)
print("after calling it (appended once):", sys.getrefcount(arg))
del mc, ig, target
print("all dropped:", sys.getrefcount(arg))
