# A return value is held while finally runs; finally can replace it and release the old one.
import sys


class Result:
    def __init__(self, name):
        self.name = name


observed = []
first = Result("first")
second = Result("second")


def normal():
    try:
        return first
    finally:
        observed.append(("during finally", sys.getrefcount(first)))


def replaced():
    try:
        return first
    finally:
        return second


r = normal()
for label, count in observed:
    print(label, count)
print("after normal():", sys.getrefcount(first))
r2 = replaced()
print("replaced() returned:", r2.name)
print("first released, second bound:", sys.getrefcount(first), sys.getrefcount(second))
