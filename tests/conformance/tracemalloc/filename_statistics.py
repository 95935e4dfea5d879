# statistics('filename') groups by file with line 0; cumulative counts every frame in the file.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start(4)


def inner():
    return [b"q" * k for k in range(10, 20)]


def outer():
    return inner()


kept = outer()
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
st = snap.statistics("filename")
print("groups:", len(st))
print("line number in a filename group:", st[0].traceback[0].lineno)
print("filename matches:", st[0].traceback[0].filename == __file__)
print("count:", st[0].count)
cum = snap.statistics("filename", cumulative=True)
print("cumulative count (one per frame in this file):", cum[0].count)
print(str(st[0]).replace(__file__, "<file>"))
