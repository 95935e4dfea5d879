import counter
counter.tick()
counter.tick(by=5)
print(counter.calls(), counter)
