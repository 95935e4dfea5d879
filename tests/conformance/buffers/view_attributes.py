# memoryview attributes for bytes, bytearray, array and casts.
import array


def show(name, m):
    print(name, "nbytes=%d itemsize=%d format=%r ndim=%d shape=%r strides=%r readonly=%r contiguous=%r"
          % (m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.readonly, m.contiguous))


show("bytes     ", memoryview(b"abc"))
show("bytearray ", memoryview(bytearray(12)))
show("array i   ", memoryview(array.array("i", [1, 2, 3])))
show("array d   ", memoryview(array.array("d", [1.0, 2.0])))
show("cast B    ", memoryview(array.array("i", [1, 2, 3])).cast("B"))
show("2-D cast  ", memoryview(bytearray(6)).cast("B", (2, 3)))
show("step 2    ", memoryview(bytearray(10))[::2])
m = memoryview(bytearray(10))[::2]
print("strided view c_contiguous:", m.c_contiguous, "f_contiguous:", m.f_contiguous)
print("empty view:", memoryview(b"").shape, memoryview(b"").nbytes)
