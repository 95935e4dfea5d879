# Traceback carets point at the failing sub-expression (3.11 fine-grained locations).
def ratio(values):
    total = sum(values)
    return values[0] / (total - total)


def report(data):
    return ratio(data["values"]) + 1


data = {"values": [3, 4]}
print("computing")
result = report(data)
