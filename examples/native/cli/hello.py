import greeter

print(greeter)
print(greeter.greet("world"))
print(greeter.greet("heapscope", times=2))
print(greeter.square(12))
t = greeter.Tally()
t.add(3)
t.add(4)
print(t.total, type(t))
