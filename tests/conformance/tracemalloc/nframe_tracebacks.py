# With start(nframe), tracebacks keep several frames; str(traceback) shows the oldest one.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(4)
print("traceback limit:", tracemalloc.get_traceback_limit())


def inner():
    return bytearray(5000)


def middle():
    return inner()


def outer():
    return middle()


obj = outer()
tb = tracemalloc.get_object_traceback(obj)
tracemalloc.stop()
print("frames stored:", len(tb), "total_nframe:", tb.total_nframe)
print("line numbers (oldest first):", [f.lineno for f in tb])
print("str(tb) shows the oldest frame:", str(tb).endswith(":23"))
print("tb[0] is the oldest frame, tb[-1] the newest:", tb[0].lineno, tb[-1].lineno)
for line in tb.format(most_recent_first=True):
    print(line.replace(__file__, "<this file>"))
print("limit 2:", [line.strip() for line in tb.format(limit=2) if line.strip().startswith("return")])
