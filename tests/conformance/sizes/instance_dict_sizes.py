# Sizes of materialised instance __dict__s: shared keys, then unshared after divergence.
import sys


class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)


for n in (0, 1, 3, 5, 6, 10, 30):
    print(n, "attributes -> __dict__", sys.getsizeof(P(n).__dict__))


class Q:
    def __init__(self):
        self.a = 1
        self.b = 2


q1, q2 = Q(), Q()
print("shared-key dict:", sys.getsizeof(q1.__dict__))
q2.zz = 3
print("extra attribute on another instance:", sys.getsizeof(q2.__dict__))
q1.__dict__["not_an_identifier"] = 1
print("after adding a key through the dict:", sys.getsizeof(q1.__dict__))
q3 = Q()
q3.__dict__[1] = "int key"
print("non-str key:", sys.getsizeof(q3.__dict__))
