# A cache with weak values hands out shared objects while someone uses them, then forgets them.
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name


class ImageCache:
    def __init__(self):
        self._cache = weakref.WeakValueDictionary()

    def get(self, name):
        img = self._cache.get(name)
        if img is None:
            img = Image(name)
            self._cache[name] = img
        return img

    def __len__(self):
        return len(self._cache)


cache = ImageCache()
a = cache.get("logo")
b = cache.get("logo")
print("shared instance:", a is b, "loads:", Image.loads, "cached:", len(cache))
del a
print("still cached while b lives:", len(cache))
del b
print("forgotten when unused:", len(cache))
c = cache.get("logo")
print("reloaded:", Image.loads)
icons = [cache.get("icon%d" % i) for i in range(3)]
print("cached entries:", len(cache))
icons.pop()
print("after dropping one:", len(cache), "loads:", Image.loads)
