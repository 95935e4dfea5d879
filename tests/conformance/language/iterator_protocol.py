# The iterator protocol: __iter__/__next__, StopIteration, iter() with a sentinel, itertools.
import itertools


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
values = iter([5, 6, 0, 7])
print(list(iter(lambda: next(values), 0)))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.chain("ab", [1, 2])), list(zip("abc", range(10))))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.pairwise("abcd")))
print(dict(enumerate("xyz", start=1)))
