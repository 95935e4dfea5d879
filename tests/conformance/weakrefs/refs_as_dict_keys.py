# Weakrefs hash like their referents, so they work as dict keys even after death (hash cached).
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return isinstance(other, K) and other.n == self.n


a = K(1)
ra = weakref.ref(a)
table = {ra: "value for a"}
print("lookup by the same ref:", table[ra])
b = K(1)
print("lookup by a ref to an equal live object:", table.get(weakref.ref(b)))
del a
print("dead ref still finds its entry:", table[ra])
print("equal live ref no longer matches:", table.get(weakref.ref(b)))
