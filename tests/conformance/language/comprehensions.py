# List, dict, set and generator comprehensions with filters and nesting.
matrix = [[1, 2, 3], [4, 5, 6]]
print([x * 2 for row in matrix for x in row if x % 2])
print([[row[i] for row in matrix] for i in range(3)])
print({k: v for k, v in zip("abc", range(3))})
print(sorted({x % 3 for x in range(10)}))
print(sum(x for x in range(10) if x > 5))
print({w: len(w) for w in ["alpha", "be", "gamma"] if len(w) > 2})
x = "outer"
print([x for x in range(3)], x)
print([(i, j) for i in range(3) for j in range(i)])
gen = (n * n for n in range(5))
print(type(gen).__name__, list(gen))
