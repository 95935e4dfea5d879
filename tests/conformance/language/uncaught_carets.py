# Traceback carets point at the failing sub-expression (3.11 fine-grained locations).
def ratio(values):
    total = sum(values)
    return values[0] / (total - total)


data = {"values": [3, 4]}
print("computing")
result = ratio(data["values"]) + 1
