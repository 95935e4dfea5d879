# A frame object stored in one of its own locals makes a cycle with it.
import gc
import sys

gc.disable()
gc.collect()


def keep_frame():
    me = sys._getframe()
    return None


keep_frame()
print("frame in its own local:", gc.collect())


def keep_two():
    outer = sys._getframe()

    def inner():
        return sys._getframe()
    frame = inner()
    return None


keep_two()
print("outer frame -> finished inner frame -> f_back -> outer frame (+ the function):", gc.collect())
print("frames are tracked while live:", gc.is_tracked(sys._getframe()))
