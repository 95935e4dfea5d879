# binary-trees (depth 16): allocation-heavy recursion; prints a checksum.
import sys


def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))


def check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check(left) + check(right)


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    total = check(make(stretch))
    long_lived = make(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        for _ in range(iterations):
            total += check(make(depth))
    total += check(long_lived)
    print("checksum", total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
