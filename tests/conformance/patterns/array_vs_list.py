# Storing 10000 numbers: an array.array of machine ints vs a list of int objects.
import array
import gc
import sys
import tracemalloc

gc.disable()
gc.collect()
tracemalloc.start()
only = tracemalloc.Filter(True, __file__)


def build_list():
    return [i * 3 for i in range(10000)]


def build_array():
    return array.array("i", range(0, 30000, 3))


before = tracemalloc.take_snapshot().filter_traces([only])
lst = build_list()
mid = tracemalloc.take_snapshot().filter_traces([only])
arr = build_array()
after = tracemalloc.take_snapshot().filter_traces([only])
tracemalloc.stop()
list_cost = sum(d.size_diff for d in mid.compare_to(before, "lineno") if d.traceback[0].lineno == 14)
array_cost = sum(t.size for t in after.traces if t.traceback[0].lineno == 18 and t.size > 1000)
print("list getsizeof:", sys.getsizeof(lst), "array getsizeof:", sys.getsizeof(arr))
print("list traced bytes:", list_cost, "array item buffer bytes:", array_cost)
print("same contents:", lst == arr.tolist())
