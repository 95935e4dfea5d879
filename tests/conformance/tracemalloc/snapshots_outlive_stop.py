# Snapshots are plain objects: they stay usable after stop(); a restart starts from zero.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
first = [bytearray(200) for _ in range(4)]
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
print("traced after stop:", tracemalloc.get_traced_memory())
line8 = [s for s in snap.statistics("lineno") if s.traceback[0].lineno == 8]
print("snapshot still answers:", line8[0].count >= 8)
tracemalloc.start()
print("restart: old object unknown:", tracemalloc.get_object_traceback(first[0]))
second = bytearray(300)
print("new object known at line:", tracemalloc.get_object_traceback(second)[0].lineno)
tracemalloc.start(3)
print("start() while tracing keeps the limit:", tracemalloc.get_traceback_limit())
tracemalloc.stop()
