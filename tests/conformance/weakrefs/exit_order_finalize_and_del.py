# At exit, pending weakref.finalize callbacks run before module globals are finalized.
import weakref


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


a = Res("a")
b = Res("b")
weakref.finalize(a, print, "finalize for a")
weakref.finalize(b, print, "finalize for b")
print("end of script")
