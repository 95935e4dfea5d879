# A registry of live objects whose entries remove themselves through weakref callbacks.
import weakref


class Registry:
    def __init__(self):
        self._items = {}

    def add(self, key, obj):
        def remove(ref, key=key):
            if self._items.get(key) is ref:
                del self._items[key]
                print("auto-unregistered", key)
        self._items[key] = weakref.ref(obj, remove)

    def live(self):
        return sorted(k for k, r in self._items.items() if r() is not None)


class Plugin:
    pass


reg = Registry()
p1, p2, p3 = Plugin(), Plugin(), Plugin()
reg.add("p1", p1)
reg.add("p2", p2)
reg.add("p3", p3)
print("live:", reg.live())
del p2
print("live:", reg.live())
reg.add("p1", p3)
print("p1 re-registered to p3; dropping the old p1 object")
del p1
print("live:", reg.live())
del p3
print("entries left:", len(reg._items))
