# Objects hanging off a cycle are part of the same garbage: every GC object is counted.
import gc

gc.disable()
gc.collect()


class Node:
    pass


head = Node()
head.me = head
head.tail = [[i] for i in range(50)]
del head
print("cycle + list + 50 inner lists:", gc.collect())
head = Node()
head.me = head
head.tail = [str(i) for i in range(50)]
del head
print("cycle + list of 50 strings (strings are not GC objects):", gc.collect())
head = Node()
head.me = head
chain = head
for i in range(20):
    nxt = Node()
    chain.next = nxt
    chain = nxt
del head, chain, nxt
print("cycle + chain of 20 instances:", gc.collect())
