# After del, almost everything is freed; list headers kept on the free list remain traced.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only_me = [tracemalloc.Filter(True, __file__, lineno=12)]


def build():
    return [[i] * 50 for i in range(200)]


data = build()
full = tracemalloc.take_snapshot().filter_traces(only_me)
del data
empty = tracemalloc.take_snapshot().filter_traces(only_me)
tracemalloc.stop()
st = full.statistics("lineno")[0]
print("while alive:", st.size, st.count)
left = empty.statistics("lineno")[0]
print("after del, remaining traces are 56-byte list headers:", left.size == 56 * left.count)
print("at most 80 of them (the list free list):", left.count <= 80)
print("item arrays all released:", st.size - left.size >= 200 * 400)
