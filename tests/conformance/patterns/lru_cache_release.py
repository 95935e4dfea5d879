# functools.lru_cache keeps results alive; eviction and cache_clear() release them.
import functools


class Result:
    def __init__(self, key):
        self.key = key

    def __del__(self):
        print("released result", self.key)


@functools.lru_cache(maxsize=2)
def compute(key):
    return Result(key)


compute(1)
compute(2)
print("cache info:", compute.cache_info())
compute(1)
print("hit for 1; now adding 3 evicts the least recently used (2)")
compute(3)
print("cache info:", compute.cache_info())
print("clearing")
compute.cache_clear()
print("after clear:", compute.cache_info())
