# Ref equality follows the referents while alive; hash is the referent's hash, cached.
import weakref


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


a, b, c = Key(1), Key(1), Key(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print("equal referents -> refs equal:", ra == rb, "different:", ra == rc)
print("ref never equals its referent:", ra == a)
print("hash is the referent's:", hash(ra) == hash(1))
print("callback refs compare equal too:", weakref.ref(a, lambda r: None) == ra)
del a, b
print("dead refs equal only to themselves:", ra == rb, ra == ra)
print("dead ref keeps its cached hash:", hash(ra) == hash(1))
try:
    hash(rc_dead := weakref.ref(Key(3)))
except TypeError as e:
    print("TypeError:", e)
print("live ref vs dead ref:", rc == ra)
