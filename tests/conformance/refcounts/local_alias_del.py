# Refcounts of a fresh list bound to locals: aliasing, del and rebinding inside a function.
import sys


def main():
    x = [1, 2, 3]
    print("fresh local:", sys.getrefcount(x))
    y = x
    print("after alias:", sys.getrefcount(x))
    z = y
    print("two aliases:", sys.getrefcount(x))
    del y
    print("after del y:", sys.getrefcount(x))
    z = None
    print("after z = None:", sys.getrefcount(x))
    w = x
    w = [4]
    print("after rebinding w:", sys.getrefcount(x), sys.getrefcount(w))
    print("z is None:", z is None)


main()
