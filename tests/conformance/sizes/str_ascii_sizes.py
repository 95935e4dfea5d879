# ASCII str size is 49 + length (48-byte compact header + characters + NUL).
import sys

for n in (0, 1, 2, 3, 10, 50, 100, 1000):
    print("ascii len", n, "->", sys.getsizeof("a" * n))
print("digits:", sys.getsizeof("0123456789"))
print("built at runtime:", sys.getsizeof("".join(["ab", "cd"])), sys.getsizeof(str(12345)))
print("identifier-like:", sys.getsizeof("hello_world"))
print("with spaces:", sys.getsizeof("hello world"))
print("slice:", sys.getsizeof("abcdef"[1:4]))
