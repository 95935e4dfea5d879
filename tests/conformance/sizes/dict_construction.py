# dict sizes by construction path, including the fromkeys(set) rounding quirk.
import sys

size = sys.getsizeof
print("display 1/5/6/11:", size({1: 1}), size({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}),
      size(dict.fromkeys(range(6))), size(dict.fromkeys(range(11))))
print("dict(a=1..):", size(dict(a=1)), size(dict(a=1, b=2, c=3, d=4, e=5)), size(dict(zip("abcdef", range(6)))))
print("fromkeys(list) 1..5:", [size(dict.fromkeys(list(range(n)))) for n in range(1, 6)])
print("fromkeys(set) 0..5:", [size(dict.fromkeys(set(range(n)))) for n in range(6)])
print("fromkeys(dict) 0..5:", [size(dict.fromkeys({i: 0 for i in range(n)})) for n in range(6)])
d = {"a": 1}
print("str-keyed 1 item:", size(d))
d[1] = 1
print("after adding an int key:", size(d))
src = {i: i for i in range(7)}
print("copy/dict()/{**}:", size(src.copy()), size(dict(src)), size({**src}))
u = {}
u.update(src)
print("update into {}:", size(u))
