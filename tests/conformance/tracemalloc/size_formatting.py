# Statistic / StatisticDiff text formatting of sizes (B, KiB, MiB ...) and signs.
import tracemalloc

tb = tracemalloc.Traceback((("example.py", 7),))
for size in (0, 99, 10239, 10240, 102399, 102400, 1048576, 10 ** 10):
    print(tracemalloc.Statistic(tb, size, 1))
print(tracemalloc.Statistic(tb, 300, 0))
print(tracemalloc.Statistic(tb, 1000, 3))
print(tracemalloc.StatisticDiff(tb, 5, 5, 1, 1))
print(tracemalloc.StatisticDiff(tb, 2048000, -2048000, 1000, -5))
print(tracemalloc.StatisticDiff(tb, 0, -84480, 0, -2001))
print(repr(tracemalloc.Statistic(tb, 64, 2)))
print(repr(tracemalloc.StatisticDiff(tb, 64, 64, 2, 2)))
print(repr(tb), str(tb), tb.format())
