# gc.get_referrers finds tracked containers that refer to an object.
import gc


class Target:
    pass


class Holder:
    def __init__(self, t):
        self.t = t


t = Target()
lst = [t]
tup = (t, 1)
hold = Holder(t)
refs = gc.get_referrers(t)
print("list found:", any(r is lst for r in refs))
print("tuple found:", any(r is tup for r in refs))
print("instance found:", any(r is hold for r in refs))
print("module dict found:", any(r is globals() for r in refs))
print("kinds:", sorted(type(r).__name__ for r in refs))
del lst, tup, hold
refs = None
print("after deletions:", sorted(type(r).__name__ for r in gc.get_referrers(t)))
