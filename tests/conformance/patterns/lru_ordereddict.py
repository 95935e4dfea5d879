# An LRU cache on OrderedDict: move_to_end on hits, popitem(last=False) evicts and releases.
import collections


class Blob:
    def __init__(self, key):
        self.key = key

    def __del__(self):
        print("freed", self.key)


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = collections.OrderedDict()

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            return self.data[key]
        value = Blob(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)
        return value


cache = LRU(3)
for k in ("a", "b", "c"):
    cache.get(k)
cache.get("a")
print("order:", list(cache.data))
cache.get("d")
print("order:", list(cache.data))
held = cache.get("c")
cache.get("e")
cache.get("f")
print("order:", list(cache.data), "still holding:", held.key)
del held
print("dropping the external reference (c is still cached)")
