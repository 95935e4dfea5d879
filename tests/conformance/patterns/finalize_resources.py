# Resource cleanup with weakref.finalize: runs on drop, on explicit close, or at exit (once).
import weakref

open_handles = []


class File:
    def __init__(self, name):
        self.name = name
        open_handles.append(name)
        self._finalizer = weakref.finalize(self, File._close, name)

    @staticmethod
    def _close(name):
        open_handles.remove(name)
        print("closed", name)

    def close(self):
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive


a = File("a.txt")
b = File("b.txt")
c = File("c.txt")
print("open:", open_handles)
a.close()
print("a closed explicitly:", a.closed)
a.close()
print("second close is a no-op")
del b
print("open:", open_handles)
print("end of script; c is closed at exit")
