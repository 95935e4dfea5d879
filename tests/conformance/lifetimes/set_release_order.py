# A dying set releases members in hash-table slot order (small int hashes make it deterministic).
class Member:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return self is other

    def __del__(self):
        print("del member", self.h)


s = {Member(5), Member(1), Member(3), Member(2)}
print("del s")
del s
t = set()
for h in (7, 15, 23):
    t.add(Member(h))
print("colliding hashes 7, 15, 23 (all start at slot 7); del t")
del t
f = frozenset([Member(4), Member(0)])
print("del frozenset")
del f
print("end")
