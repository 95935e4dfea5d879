# f-strings and format specs: widths, precision, conversions, = specifier, nested fields.
name = "heap"
value = 3.14159
count = 42
print(f"{name!r} {name:>8}| {name:<8}| {name:^8}|")
print(f"{value:.2f} {value:10.3e} {count:05d} {count:x} {count:#o} {count:b}")
print(f"{count=} {value=:.1f} {name.upper()=}")
width, prec = 10, 3
print(f"[{value:{width}.{prec}}]")
print(f"{1_000_000:,} {1_000_000:_} {0.25:%}")
print(f"{'nested'!s:*^12}")
items = [1, 2, 3]
print(f"{len(items)} items, last {items[-1]}, sum {sum(items)}")
print("%s has %d items (%.1f%%)" % (name, count, 12.5))
print("{0}-{1}-{0}".format("a", "b"), "{x}{y}".format(x=1, y=2))
