"""Checks the table of `--bench N --profile`: rows sorted by median time,
each naming an ONNX node, and their sum within 5 % of the median run."""
import re
import sys

lines = open(sys.argv[1]).read().splitlines()
median = float(next(l.split()[1] for l in lines if l.startswith("median: ")))
start = next(i for i, l in enumerate(lines) if l.startswith("profile: ")) + 2
rows = [l for l in lines[start:] if not l.startswith("kernels: ")]
times = [float(r.split()[0]) for r in rows]
named = all(re.search(r" /\S+/\S+$|, /\S+$", r) for r in rows)
total = sum(times) / 1000.0
within = abs(total - median) <= 0.05 * median
print(f"rows: {len(rows)}, {'sorted' if times == sorted(times, reverse=True) else 'unsorted'}, "
      f"{'every row names a node' if named else 'a row names no node'}, "
      f"sum {'within' if within else 'off by more than'} 5 %"
      + ("" if within else f" ({total:.4f} ms vs median {median:.4f} ms)"))
