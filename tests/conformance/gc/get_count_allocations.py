# The generation-0 count grows with container allocations and shrinks when they are freed.
import gc

gc.disable()


class K:
    pass


results = []
gc.collect()
base = gc.get_count()[0]
objs = [K() for _ in range(100)]
results.append(("100 instances, their list and the comprehension function", gc.get_count()[0] - base))
del objs
results.append(("freed again", gc.get_count()[0] - base))
gc.collect()
base = gc.get_count()[0]
nums = [1.5 * i for i in range(100)]
text = ["s" * i for i in range(100)]
results.append(("floats and strings are not GC objects", gc.get_count()[0] - base))
gc.collect()
base = gc.get_count()[0]
for i in range(100):
    tmp = [i]
results.append(("100 short-lived lists reuse the list free list", gc.get_count()[0] - base))
for label, value in results:
    print(label + ":", value)
