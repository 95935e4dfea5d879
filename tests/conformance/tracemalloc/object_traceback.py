# get_object_traceback: allocation site, or None (before tracing, static objects, and 3.11 managed-dict instances).
import gc
import tracemalloc

gc.disable()
gc.collect()
early = [1, 2, 3]
tracemalloc.start()


def factory():
    return {"made": "here"}


class Thing:
    pass


late = [4, 5, 6]
made = factory()
thing = Thing()
for name, obj in [("early", early), ("late", late), ("made", made), ("thing", thing), ("small int", 5), ("None", None)]:
    tb = tracemalloc.get_object_traceback(obj)
    print(name.ljust(10), None if tb is None else (tb[0].filename == __file__, tb[0].lineno, len(tb)))
tracemalloc.stop()
print("after stop:", tracemalloc.get_object_traceback(late))
