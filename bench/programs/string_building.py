# string building: formatting, joining, slicing and str methods (the seed documents' text
# workloads: reports, logs, CSV lines); prints a checksum.


def report(rows):
    lines = []
    for i, (name, qty, price) in enumerate(rows):
        line = f"{i:05d} {name.upper():<12} {qty:>4} x {price:8.2f} = {qty * price:10.2f}"
        lines.append(line)
    return "\n".join(lines)


def main(rounds):
    names = ["apple", "banana", "cherry", "date", "elder", "fig", "grape"]
    total = 0
    for r in range(rounds):
        rows = [(names[(i + r) % len(names)], i % 13, (i % 100) / 7) for i in range(200)]
        text = report(rows)
        csv = ",".join(str(len(line)) for line in text.split("\n"))
        total += len(text) + len(csv) + text.count("A") + len(text.replace(" ", ""))
        total += sum(1 for line in text.splitlines() if line.startswith("0001"))
    print("checksum", total)


main(600)
