# A property returning a stored object gives out a new reference each time it is read.
import sys


class Holder:
    def __init__(self, item):
        self._item = item

    @property
    def item(self):
        return self._item

    @item.setter
    def item(self, value):
        self._item = value

    @item.deleter
    def item(self):
        del self._item


obj = ["obj"]
h = Holder(obj)
print("stored:", sys.getrefcount(obj))
print("through the property:", sys.getrefcount(h.item))
copies = [h.item for _ in range(3)]
print("three reads stored:", sys.getrefcount(obj))
del copies
h.item = None
print("setter replaced it:", sys.getrefcount(obj))
h.item = obj
del h.item
print("deleter removed it:", sys.getrefcount(obj))
