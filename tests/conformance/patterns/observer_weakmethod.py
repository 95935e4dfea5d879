# A subject stores WeakMethods of observers, so observers can die without unsubscribing.
import weakref


class Subject:
    def __init__(self):
        self._handlers = []

    def subscribe(self, bound_method):
        self._handlers.append(weakref.WeakMethod(bound_method, self._prune))

    def _prune(self, dead):
        self._handlers.remove(dead)
        print("pruned a dead handler; left:", len(self._handlers))

    def emit(self, event):
        for ref in list(self._handlers):
            handler = ref()
            if handler is not None:
                handler(event)


class Listener:
    def __init__(self, name):
        self.name = name

    def on_event(self, event):
        print(self.name, "got", event)


s = Subject()
l1 = Listener("first")
l2 = Listener("second")
s.subscribe(l1.on_event)
s.subscribe(l2.on_event)
s.emit("ping")
del l1
s.emit("pong")
del l2
print("handlers left:", len(s._handlers))
