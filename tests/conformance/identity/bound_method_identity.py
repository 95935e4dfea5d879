# Each attribute access makes a new bound method; a dead one's memory is reused at once.
class K:
    def m(self):
        return 1


k = K()
print("k.m is k.m:", k.m is k.m)
print("k.m == k.m:", k.m == k.m)
print("id(k.m) == id(k.m):", id(k.m) == id(k.m))
m1 = k.m
m2 = k.m
print("two live bound methods differ:", m1 is not m2, id(m1) != id(m2))
print("same function and self:", m1.__func__ is m2.__func__, m1.__self__ is m2.__self__)
print("function from the class is stable:", K.m is K.m, K.__dict__["m"] is K.m)
print("bound methods of different instances are unequal:", K().m == k.m)
print("append of two different lists equal:", [].append == [].append, "k.__init__ == k.__init__:", k.__init__ == k.__init__)
