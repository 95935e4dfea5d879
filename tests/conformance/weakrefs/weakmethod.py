# WeakMethod rebuilds the bound method while the instance lives; a plain ref to one dies at once.
import weakref


class Button:
    def __init__(self, label):
        self.label = label

    def click(self):
        return "clicked " + self.label


b = Button("ok")
plain = weakref.ref(b.click)
print("plain ref to a bound method is dead at once:", plain() is None)
wm = weakref.WeakMethod(b.click)
m = wm()
print("WeakMethod gives a bound method:", m(), m.__self__ is b)
print("fresh method object each call:", wm() is not wm(), wm() == wm())
del m
called = []
wm2 = weakref.WeakMethod(b.click, lambda r: called.append("callback"))
del b
print("after instance dies:", wm(), wm2(), called)
try:
    weakref.WeakMethod(print)
except TypeError as e:
    print("TypeError:", e)
