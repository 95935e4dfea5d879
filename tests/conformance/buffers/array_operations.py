# array.array operations: slices are copies, in-place ops change buffer_info()[1] (the length).
import array

a = array.array("i", range(5))
s = a[1:3]
s[0] = 99
print("slice is a copy:", a.tolist(), s.tolist())
a.extend([5, 6])
a.insert(0, -1)
a.fromlist([7])
print("after extend/insert/fromlist:", a.tolist(), a.buffer_info()[1])
a.reverse()
print("reverse:", a.tolist())
print("count/index:", a.count(7), a.index(3))
a.remove(7)
print("pop:", a.pop(), "len:", a.buffer_info()[1])
b = array.array("h", [1, 2])
b.byteswap()
print("byteswap:", b.tolist(), b.tobytes().hex())
c = a * 2
print("repeat length:", len(c), "concat:", (a + a).buffer_info()[1])
del a[::2]
print("extended-slice delete:", a.tolist())
