# Constant-folded expressions become single (merged) constants; runtime-built equals are fresh.
def pair_folded():
    return "a" * 20, "a" * 20


x, y = pair_folded()
print("folded 'a'*20 twice is one constant:", x is y)
n = 20
r1 = "a" * n
r2 = "a" * n
print("runtime 'a'*n twice:", r1 is r2, r1 == x)


def big_folds():
    return "a" * 4096, "a" * 4096, "a" * 4097, "a" * 4097


p, q, r, s = big_folds()
print("4096 chars folded:", p is q, "4097 chars not folded:", r is s)


def tuples():
    return (1, 2) + (3,), (1, 2, 3)


t1, t2 = tuples()
print("folded tuple is the merged literal:", t1 is t2)


def powers():
    return 2 ** 10, 1024


a, b = powers()
print("2 ** 10 folded and merged with 1024:", a is b)
k = 10
print("2 ** k at runtime is a fresh int:", (2 ** k) is b)
