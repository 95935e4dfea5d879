# tracemalloc error cases: snapshots when not tracing, bad frame counts, bad filters.
import tracemalloc

try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for n in (0, -1, 65536):
    try:
        tracemalloc.start(n)
    except ValueError as e:
        print("start(%d) -> ValueError: %s" % (n, e))
print("tracing after failed starts:", tracemalloc.is_tracing())
try:
    tracemalloc.start("3")
except TypeError as e:
    print("TypeError:", e)
print("traceback of an object when not tracing:", tracemalloc.get_object_traceback([]))
print("traced memory when not tracing:", tracemalloc.get_traced_memory())
