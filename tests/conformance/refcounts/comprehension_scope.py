# Comprehensions run in their own function frame: the iteration variable is local to it.
import sys


class C:
    pass


objs = [C(), C()]
print("inside list comprehension:", [sys.getrefcount(o) for o in objs])
print("inside dict comprehension:", {i: sys.getrefcount(o) for i, o in enumerate(objs)})
print("after comprehensions:", [sys.getrefcount(objs[0]), sys.getrefcount(objs[1])])
print("'o' leaked into globals:", "o" in globals())
copies = [o for o in objs]
print("copy list adds one:", sys.getrefcount(objs[0]))
pairs = [(o, o) for o in objs]
print("pairs add two:", sys.getrefcount(objs[0]))
del copies, pairs
print("dropped:", sys.getrefcount(objs[0]))
gen = (o for o in objs)
print("generator created:", sys.getrefcount(objs), sys.getrefcount(objs[0]))
first = next(gen)
print("generator suspended on first:", sys.getrefcount(objs[0]))
del first
print("only the frame holds it:", sys.getrefcount(objs[0]))
del gen
print("generator dropped:", sys.getrefcount(objs), sys.getrefcount(objs[0]))
