# The generation-0 count grows with container allocations and shrinks when they are freed.
import gc

gc.disable()


class K:
    pass


gc.collect()
base = gc.get_count()[0]
objs = [K() for _ in range(100)]
print("100 instances:", gc.get_count()[0] - base)
del objs
print("freed again:", gc.get_count()[0] - base)
gc.collect()
base = gc.get_count()[0]
nums = [1.5 * i for i in range(100)]
text = ["s" * i for i in range(100)]
print("floats and strings are not GC objects:", gc.get_count()[0] - base)
gc.collect()
base = gc.get_count()[0]
for i in range(100):
    tmp = [i]
print("100 short-lived lists reuse the list free list:", gc.get_count()[0] - base)
