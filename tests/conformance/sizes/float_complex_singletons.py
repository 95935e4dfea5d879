# Sizes of float, complex and the singleton objects.
import sys

print("float:", sys.getsizeof(1.0), sys.getsizeof(float("inf")), sys.getsizeof(-0.0))
print("complex:", sys.getsizeof(1j), sys.getsizeof(complex(1, 2)))
print("None:", sys.getsizeof(None))
print("Ellipsis:", sys.getsizeof(...))
print("NotImplemented:", sys.getsizeof(NotImplemented))
print("object():", sys.getsizeof(object()))
print("True/False:", sys.getsizeof(True), sys.getsizeof(False))
print("__sizeof__ equals getsizeof for non-GC objects:",
      all(sys.getsizeof(x) == x.__sizeof__() for x in (1.5, 2j, None, object(), 7)))
