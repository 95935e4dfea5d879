# Containers store references: what goes in is exactly what comes out, copies share items.
class Item:
    pass


a, b = Item(), Item()
L = [a, b]
print("list item:", L[0] is a, "copy shares:", L.copy()[1] is b, "slice shares:", L[1:][0] is b)
d = {"x": a}
print("dict value:", d["x"] is a, "get:", d.get("x") is a, "setdefault existing:", d.setdefault("x", b) is a)
t = (a,)
print("tuple item:", t[0] is a, "unpacked:", [x for x in t][0] is a)


class Key:
    def __eq__(self, other):
        return isinstance(other, Key)

    def __hash__(self):
        return 1


k1, k2 = Key(), Key()
s = {k1}
s.add(k2)
print("set keeps the first equal member:", next(iter(s)) is k1, len(s))
m = {k1: "first"}
m[k2] = "second"
print("dict keeps the first key, new value:", next(iter(m)) is k1, m[k1])
