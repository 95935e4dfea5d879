# A loop variable keeps the last item alive; comprehension temporaries die every iteration.
class Item:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


for item in [Item(0), Item(1), Item(2)]:
    print("loop body", item.n)
print("loop finished: item 2 kept by the loop variable")
del item
print("---")
sizes = [len(str(Item(n).n)) for n in (10, 20)]
print("comprehension result:", sizes)
print("---")
for i in range(2):
    tmp = Item("tmp%d" % i)
print("after loop: last tmp alive")
