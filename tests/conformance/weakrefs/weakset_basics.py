# WeakSet members vanish when they die; set operations return new WeakSets.
import weakref


class Item:
    def __init__(self, n):
        self.n = n


items = [Item(i) for i in range(5)]
ws = weakref.WeakSet(items)
print("len:", len(ws), "sorted:", sorted(x.n for x in ws))
ws.add(items[0])
print("adding again keeps len:", len(ws))
del items[3:]
print("after dropping two:", len(ws), sorted(x.n for x in ws))
other = weakref.WeakSet(items[:1])
print("subset:", other <= ws, "difference size:", len(ws - other))
print("type of union:", type(ws | other).__name__)
ws.discard(items[1])
print("discard:", sorted(x.n for x in ws))
try:
    ws.add(5)
except TypeError as e:
    print("TypeError:", e)
items.clear()
print("all dead:", len(ws), len(other))
