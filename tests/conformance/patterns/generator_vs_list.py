# Streaming with a generator keeps peak memory flat; materialising a list does not.
import gc
import tracemalloc

gc.disable()
gc.collect()


def records(n):
    for i in range(n):
        yield "record-%06d" % i


def peak_of(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


total_list, peak_list = peak_of(lambda: sum(len(r) for r in list(records(20000))))
total_gen, peak_gen = peak_of(lambda: sum(len(r) for r in records(20000)))
print("same result:", total_list == total_gen, total_gen)
print("list peak above 1 MB:", peak_list > 1_000_000)
print("generator peak below 10 KB:", peak_gen < 10_000)
