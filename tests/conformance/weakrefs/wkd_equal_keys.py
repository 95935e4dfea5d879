# WeakKeyDictionary uses equality: an equal key updates the entry and the first key is kept.
import weakref


class Name:
    def __init__(self, s):
        self.s = s

    def __eq__(self, other):
        return isinstance(other, Name) and other.s == self.s

    def __hash__(self):
        return hash(self.s)


d = weakref.WeakKeyDictionary()
first = Name("a")
second = Name("a")
d[first] = 1
d[second] = 2
print("one entry:", len(d), "value:", d[first])
print("stored key is the first:", next(iter(d)) is first)
del second
print("deleting the second key changes nothing:", len(d))
print("lookup by a fresh equal key:", d.get(Name("a")))
kr = d.keyrefs()
print("keyrefs:", len(kr), kr[0]() is first)
del kr
del first
print("first died:", len(d))
