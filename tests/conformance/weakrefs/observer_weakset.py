# Observers registered in a WeakSet are dropped automatically when they die.
import weakref


class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def notify(self, event):
        for name in sorted(o.name for o in self.observers):
            print("  notify", name, event)


class Observer:
    def __init__(self, name, subject):
        self.name = name
        subject.observers.add(self)


s = Subject()
o1 = Observer("first", s)
o2 = Observer("second", s)
Observer("temporary", s)
print("registered:", len(s.observers))
s.notify("e1")
del o1
print("after del o1:", len(s.observers))
s.notify("e2")
