# Flyweight via __new__: equal requests share one immutable instance from a class-level cache.
import weakref


class Color:
    _cache = weakref.WeakValueDictionary()
    __slots__ = ("rgb", "__weakref__")

    def __new__(cls, r, g, b):
        key = (r, g, b)
        obj = cls._cache.get(key)
        if obj is None:
            obj = super().__new__(cls)
            obj.rgb = key
            cls._cache[key] = obj
        return obj


red1 = Color(255, 0, 0)
red2 = Color(255, 0, 0)
blue = Color(0, 0, 255)
print("shared:", red1 is red2, "distinct:", red1 is blue)
print("cache size:", len(Color._cache))
palette = [Color(255, 0, 0) for _ in range(100)]
print("100 requests, still:", len(Color._cache), all(c is red1 for c in palette))
del red1, red2, palette
print("after dropping all reds:", len(Color._cache))
