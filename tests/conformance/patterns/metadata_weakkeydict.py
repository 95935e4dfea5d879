# Attaching metadata to objects you do not own with a WeakKeyDictionary (no leaks, no cycles).
import weakref


class Widget:
    def __init__(self, name):
        self.name = name


tags = weakref.WeakKeyDictionary()


def tag(obj, label):
    tags.setdefault(obj, []).append(label)


w1, w2 = Widget("w1"), Widget("w2")
tag(w1, "visible")
tag(w1, "dirty")
tag(w2, "hidden")
print("tags:", sorted((w.name, labels) for w, labels in tags.items()))
del w1
print("after w1 dies:", [w.name for w in tags])
w3 = Widget("w3")
tag(w3, "new")
print("entries:", len(tags))
w2 = w3 = None
print("all gone:", len(tags))
