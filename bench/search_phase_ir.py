#!/usr/bin/env python3
"""Search-phase instructions from a callgrind file of one `guide build`:

    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=cg.out \
        target/release/guide build CORPUS -o SITE -q
    python3 bench/search_phase_ir.py cg.out

Sums the inclusive cost of every call into a guide::search function (or
build::assemble::search_files, which Index::update is inlined into) from a function that is
not itself only ever called from search code. Rough edges, check the listed roots: a search
closure called back through a generic frame whose name is shared (std's LocalKey::with) or an
iterator's from_iter is listed as a root of its own although its caller's cost holds it (count
it once), and work inlined into rayon's generic frames is not counted at all."""
import re, sys
from collections import defaultdict
def main(path):
    names = {}; cur = cfn = None; pending = False; total = 0
    edges = defaultdict(int); callers = defaultdict(set)
    def name(tok):
        m = re.match(r'\((\d+)\)(?: (.*))?', tok)
        if not m: return tok
        if m.group(2) is not None: names[m.group(1)] = m.group(2)
        return names.get(m.group(1), '?')
    for line in open(path, errors='replace'):
        line = line.rstrip('\n')
        if line.startswith('fn='): cur = name(line[3:]); continue
        if line.startswith('cfn='): cfn = name(line[4:]); continue
        if line.startswith('calls='): pending = True; continue
        if line.startswith('summary:') or line.startswith('totals:'):
            total = int(line.split()[1]); continue
        if pending and line and (line[0].isdigit() or line[0] in '+-*'):
            pending = False
            edges[(cur, cfn)] += int(line.split()[-1]); callers[cfn].add(cur)
    search = lambda n: 'guide::search::' in n or 'assemble::search_files' in n
    inside = {f for f in callers if search(f)} | {f for (a, b) in edges for f in (a, b) if search(f)}
    changed = True
    while changed:
        changed = False
        for f, cs in callers.items():
            if f not in inside and cs and all(c in inside and c != f for c in cs):
                inside.add(f); changed = True
    by = defaultdict(int)
    for (a, b), c in edges.items():
        if search(b) and a not in inside:
            by[b] += c
    s = sum(by.values())
    print(f"total {total:,}  search {s:,}")
    for k, v in sorted(by.items(), key=lambda x: -x[1])[:8]:
        print(f"  {v:>14,} {k[:100]}")
for p in sys.argv[1:]:
    print(p); main(p)
