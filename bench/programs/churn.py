# dict/list churn: builds, mutates and drops many small containers; prints a checksum.
def main(rounds):
    total = 0
    for r in range(rounds):
        table = {}
        items = []
        for i in range(1000):
            key = i * 7 % 1013
            table[key] = [i, r]
            items.append((key, i))
        for key, i in items:
            entry = table.get(key)
            if entry is not None:
                total += entry[0]
        for key in list(table):
            if key % 3 == 0:
                del table[key]
        total += len(table) + len(items)
    print("checksum", total)


main(300)
