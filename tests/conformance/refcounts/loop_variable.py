# The loop variable is one extra reference and stays bound to the last item after the loop.
import sys


class V:
    def __init__(self, n):
        self.n = n


items = [V(0), V(1), V(2)]
for item in items:
    print("module loop", item.n, sys.getrefcount(item))
print("after loop, item is last:", item is items[-1], sys.getrefcount(items[-1]))
del item
print("after del item:", sys.getrefcount(items[-1]))


def inside():
    for thing in items:
        pass
    return sys.getrefcount(items[-1])


print("function loop left its variable while running:", inside())
print("function returned:", sys.getrefcount(items[-1]))
for i, item in enumerate(items):
    pass
print("enumerate loop:", sys.getrefcount(items[-1]))
