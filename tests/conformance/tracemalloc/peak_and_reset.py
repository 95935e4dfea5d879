# get_traced_memory peaks include freed temporaries; reset_peak() lowers the peak to current.
import gc
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()


def temporary():
    big = bytearray(1_000_000)
    return len(big)


tracemalloc.get_traced_memory()
cur0, peak0 = tracemalloc.get_traced_memory()
temporary()
cur1, peak1 = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
cur2, peak2 = tracemalloc.get_traced_memory()
temporary()
cur3, peak3 = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("temporary freed, current back near start:", cur1 - cur0 < 1000)
print("peak grew by at least the temporary:", peak1 - peak0 >= 1_000_000)
print("after reset_peak, peak equals current:", peak2 == cur2)
print("a new temporary raises the peak again:", peak3 - peak2 >= 1_000_000)
print("after stop:", tracemalloc.get_traced_memory())
