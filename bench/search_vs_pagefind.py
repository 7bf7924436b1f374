#!/usr/bin/env python3
"""Search benchmark: guide's built-in index against Pagefind, side by side.

    python3 bench/search_vs_pagefind.py                 # N = 1000 and 10000
    python3 bench/search_vs_pagefind.py --sizes 1000 --no-cargo-build

For each N it generates the corpus (/work/shared/bench/gen_corpus.py, or --gen), builds it
with `guide build -v` (index time = the build's `search` phase), indexes the same HTML with
Pagefind (`npm install pagefind` into bench/out/pagefind, never committed; print/ and 404.html
left out, `--root-selector main` so both index the same content), and runs the queries of
tests/search/queries.toml through bench/search_eval.mjs: each query cold, counting the bytes
read to show the first result, and the top five for recall@5. The bundled guide and the
search_en/de/ja fixtures are judged the same way once (their queries), and the corpus
queries at every N. Prints markdown and writes it into bench/results.md between the
`<!-- search-bench -->` markers.
"""
import argparse, json, os, re, shutil, subprocess, sys, time, tomllib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "bench", "out")
PF = os.path.join(OUT, "pagefind")
EVAL = os.path.join(REPO, "bench", "search_eval.mjs")


def log(m):
    print(f"[search-bench] {m}", file=sys.stderr, flush=True)


def dir_bytes(d, skip=lambda n: False):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs if not skip(f))


def pagefind_bin():
    exe = os.path.join(PF, "node_modules", ".bin", "pagefind")
    if not os.path.exists(exe):
        os.makedirs(PF, exist_ok=True)
        log("npm install pagefind")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "pagefind"], cwd=PF, check=True)
    return exe


def guide_build(exe, src, dst, runs=1):
    """Best of `runs` clean builds: (search phase s, whole build s, search's share of the phases)."""
    best = None
    for _ in range(runs):
        shutil.rmtree(dst, ignore_errors=True)
        t = time.time()
        r = subprocess.run([exe, "build", src, "-o", dst, "-v"], capture_output=True, text=True, check=True)
        wall = time.time() - t
        phases = {k: float(v) for k, v in re.findall(r"^\s+(\w+)\s+([\d.]+) ms", r.stderr, flags=re.M)}
        search = phases.get("search", 0) / 1000
        share = phases.get("search", 0) / max(sum(phases.values()), 1e-9)
        if best is None or search < best[0]:
            best = (search, wall, share)
    return best


def pagefind_index(exe, site, work):
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["cp", "-al", site, work], check=True)
    shutil.rmtree(os.path.join(work, "print"), ignore_errors=True)
    shutil.rmtree(os.path.join(work, "search"), ignore_errors=True)
    os.remove(os.path.join(work, "404.html"))
    t = time.time()
    subprocess.run([exe, "--site", work, "--root-selector", "main", "--silent"], check=True)
    return time.time() - t


def judge(tool, site, queries):
    qpath = os.path.join(OUT, "queries.json")
    json.dump([q["q"] for q in queries], open(qpath, "w"))
    r = subprocess.run(["node", EVAL, tool, site, qpath], capture_output=True, text=True, check=True)
    res = json.loads(r.stdout)
    found = sum(any(match(q["expect"], u) for u in x["urls"][:5]) for q, x in zip(queries, res))
    return found, [x["bytes"] for x in res]


def match(expect, url):
    url = url.replace("index.html", "")
    if expect.startswith("*/"):
        return url.endswith("/" + expect[2:]) or url == expect[2:]
    return url == expect


def ensure_corpus(gen, n, corpus_dir):
    out = os.path.join(corpus_dir, f"guide-{n}")
    if not os.path.exists(os.path.join(out, "book.toml")):
        log(f"generating {n} pages")
        subprocess.run([sys.executable, gen, str(n), "--format", "guide", "--out", out, "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    return out


def row(name, g, p):
    return f"| {name} | {g} | {p} |"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--gen", default="/work/shared/bench/gen_corpus.py")
    ap.add_argument("--no-cargo-build", action="store_true")
    ap.add_argument("--results", default=os.path.join(REPO, "bench", "results.md"))
    ap.add_argument("--exe", help="the guide binary (default: target/release/guide)")
    ap.add_argument("--before", help="an earlier guide binary: its search phase and share are reported beside")
    ap.add_argument("--corpus-dir", default=os.path.join(OUT, "corpus"), help="where guide-N corpora are (generated when missing)")
    ap.add_argument("--runs", type=int, default=2, help="guide builds per N (the fastest counts)")
    a = ap.parse_args()
    if not a.no_cargo_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "guide"], cwd=REPO, check=True)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    exe = a.exe or os.path.join(target, "release", "guide")
    pf = pagefind_bin()
    os.makedirs(os.path.join(OUT, "search-site"), exist_ok=True)
    queries = tomllib.load(open(os.path.join(REPO, "tests", "search", "queries.toml"), "rb"))["query"]
    lines = [f"Generated by `python3 bench/search_vs_pagefind.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
             f"load average before: {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (nproc {os.cpu_count()}).", ""]
    # The small guides: every query but the corpus ones.
    small = {"bundled": REPO, **{g: os.path.join(REPO, "tests", "fixtures", g) for g in ("search_en", "search_de", "search_ja")}}
    tot = {"guide": [0, 0], "pagefind": [0, 0]}
    for name, src in small.items():
        qs = [q for q in queries if q["guide"] == name]
        site = os.path.join(OUT, "search-site", name)
        guide_build(exe, src, site)
        pagefind_index(pf, site, site + "-pf")
        for tool, s in (("guide", site), ("pagefind", site + "-pf")):
            f, _ = judge(tool, s, qs)
            tot[tool][0] += f
            tot[tool][1] += len(qs)
    lines += ["Recall@5 over the query file's queries on the bundled guide and the English, German and Japanese fixtures:", "",
              "| | guide | Pagefind |", "|---|---:|---:|",
              row("recall@5", *(f"{tot[t][0]}/{tot[t][1]}" for t in ("guide", "pagefind"))), ""]
    lines += ["Generated corpus (gen_corpus.py, seed 42), corpus queries of the query file:", "",
              "| N | measure | guide | Pagefind |", "|---:|---|---:|---:|"]
    cq = [q for q in queries if q["guide"] == "corpus"]
    for n in [int(x) for x in a.sizes.split(",")]:
        src = ensure_corpus(a.gen, n, a.corpus_dir)
        site = os.path.join(OUT, "search-site", f"corpus-{n}")
        if a.before:
            b_index, b_wall, b_share = guide_build(a.before, src, site, a.runs)
            bb = dir_bytes(os.path.join(site, "search"))
        g_index, g_wall, g_share = guide_build(exe, src, site, a.runs)
        p_index = pagefind_index(pf, site, site + "-pf")
        gb = dir_bytes(os.path.join(site, "search"))
        pb = dir_bytes(os.path.join(site + "-pf", "pagefind"), skip=lambda f: "-ui" in f or "highlight" in f)
        gf, gbytes = judge("guide", site, cq)
        pfound, pbytes = judge("pagefind", site + "-pf", cq)
        avg = lambda v: sum(v) / len(v) / 1e3
        if a.before:
            lines += [f"| {n} | before: search phase s (share of build phases), index bytes | {b_index:.2f} ({b_share:.0%}), {bb/1e6:.1f} MB | |"]
        lines += [f"| {n} | index time s (share of build phases) | {g_index:.2f} ({g_share:.0%}; whole build {g_wall:.1f}) | {p_index:.2f} |",
                  f"| {n} | index bytes | {gb/1e6:.1f} MB | {pb/1e6:.1f} MB |",
                  f"| {n} | KB for the first result, mean (max) | {avg(gbytes):.0f} ({max(gbytes)/1e3:.0f}) | {avg(pbytes):.0f} ({max(pbytes)/1e3:.0f}) |",
                  f"| {n} | recall@5 | {gf}/{len(cq)} | {pfound}/{len(cq)} |"]
        log(f"N={n} done")
    lines += ["", "Index time: guide's `search` phase of `guide build -v` (one run); Pagefind's whole run "
              "(`pagefind --site … --root-selector main`, one run); guide: fastest of --runs builds; \"before\": the same with --before's binary. Bytes: every file read, cold, until the first "
              "result can be shown (guide: meta.js, stem.js, term shards, the first result's page chunk; Pagefind: "
              "pagefind.js, entry, meta, WASM, index chunks, the first result's fragment); no compression counted."]
    lines.insert(1, f"Load average after: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    text = "\n".join(lines)
    print(text)
    res = open(a.results).read() if os.path.exists(a.results) else ""
    block = f"<!-- search-bench -->\n## Search: guide vs Pagefind\n\n{text}\n<!-- /search-bench -->\n"
    if "<!-- search-bench -->" in res:
        res = re.sub(r"<!-- search-bench -->.*?<!-- /search-bench -->\n", lambda _: block, res, flags=re.S)
    else:
        res = res.rstrip("\n") + "\n\n" + block
    open(a.results, "w").write(res)


main()
