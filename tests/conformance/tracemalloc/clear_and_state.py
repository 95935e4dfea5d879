# is_tracing/clear_traces/stop: clearing forgets earlier allocations but tracing continues.
import gc
import tracemalloc

gc.disable()
gc.collect()
print("tracing before start:", tracemalloc.is_tracing())
tracemalloc.start()
print("tracing after start:", tracemalloc.is_tracing())
first = bytearray(10000)
print("first traced:", tracemalloc.get_object_traceback(first) is not None)
tracemalloc.clear_traces()
print("after clear_traces: first forgotten:", tracemalloc.get_object_traceback(first) is None)
print("still tracing:", tracemalloc.is_tracing())
second = bytearray(10000)
print("new allocations traced:", tracemalloc.get_object_traceback(second) is not None)
print("own tables use memory while tracing:", tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.stop()
print("tracing after stop:", tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.stop()
print("stop twice is fine")
