# WeakMethod also dies when the method's function dies, even if the instance lives.
import gc
import weakref

gc.disable()


def make_class():
    class Widget:
        def handler(self):
            return "handled"
    return Widget


Widget = make_class()
w = Widget()
wm = weakref.WeakMethod(w.handler, lambda r: print("WeakMethod callback"))
print("alive:", wm()())
del Widget.handler
print("function removed from the class:", wm())
print("instance still alive:", type(w).__name__)
