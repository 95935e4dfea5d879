# The seed examples called from Python through the native module memory_examples
# (examples/native/memory_examples.ts), run by examples/native/memory_examples.test.ts.
# (The TypeScript examples are not part of the build; compiled to JavaScript, the module file
# would load with `heapscope run --module memory_examples.js memory_examples.py`.)
import sys
import memory_examples as m

print(m)
s = m.create_and_return()
print(s, sys.getrefcount(s))
print(m.create_and_use())
x = [1, 2]
y = m.incref_example(x)
print(y is x, sys.getrefcount(x))
del y
print(sys.getrefcount(x))
print(m.track_refs())
print(m.add_to_list(), m.add_to_list_better(), m.add_to_list_owned())
left = "".join(["left", " "])
print(m.append(left), m.concat(left), repr(left), sys.getrefcount(left))
print(m.chained())
m.fixed_example()
print(m.early_return(1))
try:
    m.early_return(-1)
except ValueError as e:
    print("ValueError:", e)
print(m.process_data(100), m.aligned_allocation() % 64, m.aligned_allocation(4096) % 4096, m.growing_buffer())

class Target:
    pass

t = Target()
w = m.use_weak_ref(t)
print(type(w).__name__, w() is t)
del t
print(w())
print(m.manual_gil(), m.io_operation())

b = m.Buffer(256)
print(b.size, b.address % 16, type(b))
del b
box = m.Box([1])
box.value.append(box)
del box
import gc
print("collected", gc.collect())
try:
    m.append(1)
except TypeError as e:
    print("TypeError:", e)
