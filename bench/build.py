#!/usr/bin/env python3
"""Build-time benchmark of `guide` against Hugo (and mdBook), written to bench/results.md.

Run from the repository root:

    python3 bench/build.py                  # N = 100 … 100000; mdBook only if installed
    python3 bench/build.py --with-mdbook    # also `cargo install mdbook 0.5.4` if missing
    python3 bench/build.py --sizes 100,1000 --runs 5 --no-install

What it does, in order:

 1. Finds the peers, installing them when missing (unless --no-install):
    `apt-get install -y hugo hyperfine time`, and with --with-mdbook
    `cargo install mdbook --version 0.5.4 --locked` (takes minutes to compile).
 2. Builds guide: `cargo build --release` (honours CARGO_TARGET_DIR; --no-cargo-build skips).
 3. Generates the corpora with /work/shared/bench/gen_corpus.py (--gen to override) in the
    guide, hugo and mdbook layouts, cached under WORK/corpus/<tool>-<N> (--work, default
    /tmp/guide-bench: 100,000 pages do not belong in the repository); a corpus is
    regenerated only when the generator changed. Outputs go to WORK/site.
 4. Times clean full builds with hyperfine. hyperfine runs all runs of one command before
    the next, so to alternate the tools we call it once per round with --runs 1 and every
    tool in the round (order rotated each round); its --prepare runs `sync`, so no build
    pays for the write-back of the previous one. Every build writes into a folder of its
    own that does not exist yet; all of them are removed at the very end. Removing the last
    output just before a build (--rm-between does) makes ext4 slow at creating files for
    about a minute: its inode allocator skips, one table read each, every inode freed in
    the last 60 s (`recently_deleted` and `find_inode_bit` were ~60 % of a build's samples
    in `perf record`), so each round got slower than the one before, for every tool.
    One untimed warm-up round first (page cache). Median over --runs rounds at N <= 1000
    (default 5), --runs-large rounds at N = 10000 (default 3) and --runs-huge rounds at
    N = 100000 (default 1, no warm-up). Hugo at N = 100000 is skipped unless --hugo-100000:
    it needs about 2.4 GiB per 10,000 pages, more than this machine has.
        guide build DIR -o OUT -q
        hugo --source DIR --destination OUT --quiet      (Hugo 0.111: these flags exist)
        mdbook build DIR -d OUT
    mdBook at N = 10000 is skipped unless --mdbook-10000 (about 6 minutes per build).
 5. Peak RSS of one more clean build per tool and N: `/usr/bin/time -v`, "Maximum resident
    set size".
 6. Output size: HTML bytes / HTML pages of each tool's output (the one left by step 5),
    to show whether a page's size grows with N (a whole-book sidebar on every page does),
    and the largest output file (the goal: none over about 5 MB at any N).
 7. The bundled guide (the repo's own book.toml + content/): `guide build . -o OUT -q`
    with hyperfine, warm page cache, fresh process each run.
 8. Prints markdown tables and writes them to bench/results.md (--results to override)
    with the date, machine facts (nproc, CPU, load before/after) and tool versions, and
    the issue's summary table (guide vs Hugo at each N: time, peak RSS, ratio).

Raw hyperfine JSON and /usr/bin/time logs stay in bench/out/raw/ for inspection.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(REPO, "bench")
OUT = os.path.join(BENCH, "out")
CORPUS = os.path.join(OUT, "corpus")   # set from --work in main()
SITES = os.path.join(OUT, "site")
RAW = os.path.join(OUT, "raw")
MDBOOK_VERSION = "0.5.4"

# Goals from the issue, checked in the summary.
GOAL_RATIO = 0.25           # guide median <= 0.25 x Hugo's median at N = 1000 and 10000
GOAL_RSS_MIB = 500          # peak RSS at N = 10000 <= 500 MiB
GOAL_RSS_HUGE_MIB = 4096    # peak RSS at N = 100000 <= 4 GiB ...
GOAL_HUGE_S = 25            # ... and the build done in <= 25 s
GOAL_FILE_BYTES = 5 * 1024 * 1024 * 1.05   # no output file over about 5 MB
GOAL_SELF_MS = 100          # bundled guide cold build < 100 ms


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    """Runs a command (list), failing loudly; returns its stdout."""
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


def version_of(cmd):
    try:
        out = subprocess.run(cmd, text=True, capture_output=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def load_avg():
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


# --------------------------------------------------------------------------------------
# 1-3: tools, guide binary, corpora
# --------------------------------------------------------------------------------------


def ensure_apt(install):
    """hugo, hyperfine and GNU time (for /usr/bin/time -v) from Debian packages."""
    missing = [pkg for pkg, path in (("hugo", shutil.which("hugo")),
                                     ("hyperfine", shutil.which("hyperfine")),
                                     ("time", "/usr/bin/time" if os.path.exists("/usr/bin/time") else None))
               if not path]
    if not missing:
        return
    if not install:
        sys.exit(f"missing: {' '.join(missing)} (run without --no-install, or apt-get install them)")
    log(f"apt-get install {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def find_mdbook(args):
    """Path of mdbook MDBOOK_VERSION, installing it with --with-mdbook; None to skip mdBook."""
    if args.no_mdbook:
        return None
    cands = [shutil.which("mdbook"), os.path.expanduser("~/.cargo/bin/mdbook")]
    for c in cands:
        if c and os.path.exists(c) and MDBOOK_VERSION in version_of([c, "--version"]):
            return c
    if not args.with_mdbook:
        log(f"mdbook {MDBOOK_VERSION} not installed: skipping it (--with-mdbook installs it)")
        return None
    if args.no_install:
        sys.exit("mdbook missing and --no-install given")
    log(f"cargo install mdbook --version {MDBOOK_VERSION} --locked (a few minutes)")
    env = {k: v for k, v in os.environ.items() if k != "CARGO_TARGET_DIR"}
    subprocess.run(["cargo", "install", "mdbook", "--version", MDBOOK_VERSION, "--locked"],
                   check=True, env=env)
    return os.path.expanduser("~/.cargo/bin/mdbook")


def build_guide(args):
    """`cargo build --release`; returns the binary's path."""
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    if not os.path.isabs(target):
        target = os.path.join(REPO, target)
    if not args.no_cargo_build:
        log("cargo build --release")
        subprocess.run(["cargo", "build", "--release", "--bin", "guide"], cwd=REPO, check=True)
    exe = os.path.join(target, "release", "guide")
    if not os.path.exists(exe):
        sys.exit(f"no guide binary at {exe}")
    return exe


def ensure_corpus(gen, fmt, n):
    """bench/out/corpus/<fmt>-<n>, regenerated only if missing or made by another generator."""
    out = os.path.join(CORPUS, f"{fmt}-{n}")
    manifest = os.path.join(out, ".gen_corpus.json")
    import hashlib
    want = hashlib.sha256(open(gen, "rb").read()).hexdigest()
    try:
        with open(manifest) as f:
            m = json.load(f)
        if m.get("generator_sha256") == want and m.get("n") == n and m.get("format") == fmt:
            return out
    except (OSError, ValueError):
        pass
    log(f"generating {fmt}-{n}")
    os.makedirs(CORPUS, exist_ok=True)
    subprocess.run([sys.executable, gen, str(n), "--format", fmt, "--out", out, "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    return out


# --------------------------------------------------------------------------------------
# 4-6: timing, memory, output size
# --------------------------------------------------------------------------------------


def command(tool, exe, src, dst):
    """The clean-build command line of `tool` (a list)."""
    if tool == "guide":
        return [exe, "build", src, "-o", dst, "-q"]
    if tool == "hugo":
        return [exe, "--source", src, "--destination", dst, "--quiet"]
    if tool == "mdbook":
        return [exe, "build", src, "-d", dst]
    raise ValueError(tool)


def sh_quote(argv):
    import shlex
    return " ".join(shlex.quote(a) for a in argv)


def time_round(cmds, site_dir, tag, rm_between):
    """One hyperfine invocation, one run of each command in the given order; the --prepare
    runs `sync` (after removing `site_dir` with rm_between). Returns {name: seconds}."""
    export = os.path.join(RAW, f"{tag}.json")
    # `sync`: the previous builds' dirty pages are flushed before the timed build starts,
    # instead of being written back during it.
    prepare = (sh_quote(['rm', '-rf', site_dir]) + ' && sync') if rm_between else 'sync'
    argv = ["hyperfine", "-N", "--runs", "1", "--style", "none",
            "--prepare", f"sh -c {sh_quote([prepare])}",
            "--export-json", export]
    names = []
    for name, cmd in cmds:
        argv += ["--command-name", name, sh_quote(cmd)]
        names.append(name)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    with open(export) as f:
        res = json.load(f)["results"]
    # wall seconds, and CPU seconds (user + system; with --runs 1 the means are that run's)
    return {r["command"]: (r["times"][0], r["user"] + r["system"]) for r in res}


def peak_rss_mib(cmd, tag):
    """Peak RSS (MiB) of one clean build (into a new folder), from GNU time's "Maximum
    resident set size"."""
    log_path = os.path.join(RAW, f"{tag}.time.txt")
    subprocess.run(["/usr/bin/time", "-v", "-o", log_path, *cmd], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = open(log_path).read()
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return kb / 1024


def html_bytes(dst):
    """(bytes of page HTML, number of page HTML files, bytes of every output file,
    (size, path) of the largest file).

    Page HTML is the .html files under the corpus's section-*/ folders (sections and their
    pages, the same set for every tool); site-wide files (print view, 404, search data)
    are left out of the per-page figure as they hold the whole book by design, but count
    in the all-files total."""
    total = count = every = 0
    largest = (0, "")
    for root, _dirs, files in os.walk(dst):
        in_section = os.path.relpath(root, dst).split(os.sep)[0].startswith("section-")
        for f in files:
            size = os.path.getsize(os.path.join(root, f))
            every += size
            largest = max(largest, (size, os.path.relpath(os.path.join(root, f), dst)))
            if in_section and f.endswith(".html"):
                total += size
                count += 1
    return total, count, every, largest


def fixed_page_bytes(tool, dst):
    """Bytes of one given page (topic-00010, in section-001 at every N), or None."""
    rel = "section-001/topic-00010.html" if tool == "mdbook" else "section-001/topic-00010/index.html"
    path = os.path.join(dst, rel)
    return os.path.getsize(path) if os.path.exists(path) else None


def page_count(corpus_dir):
    """Content pages plus section/home index pages of a corpus (from its manifest)."""
    with open(os.path.join(corpus_dir, ".gen_corpus.json")) as f:
        m = json.load(f)
    return len(m["pages"]), m["sections"]


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000,100000",
                    help="comma-separated N (default 100,1000,10000,100000)")
    ap.add_argument("--runs", type=int, default=5, help="timed rounds at N <= 1000 (default 5)")
    ap.add_argument("--runs-large", type=int, default=3, help="timed rounds at 1000 < N < 100000 (default 3)")
    ap.add_argument("--runs-huge", type=int, default=1, help="timed rounds at N >= 100000 (default 1)")
    ap.add_argument("--hugo-100000", action="store_true", help="also run Hugo at N >= 100000 (needs ~24 GiB)")
    ap.add_argument("--work", default="/tmp/guide-bench", help="corpora and outputs (default /tmp/guide-bench)")
    ap.add_argument("--self-runs", type=int, default=20, help="runs of the bundled-guide build (default 20)")
    ap.add_argument("--with-mdbook", action="store_true", help=f"cargo install mdbook {MDBOOK_VERSION} if missing")
    ap.add_argument("--no-mdbook", action="store_true", help="leave mdBook out even if installed")
    ap.add_argument("--mdbook-10000", action="store_true", help="also time mdBook at N > 1000 (slow)")
    ap.add_argument("--no-install", action="store_true", help="never apt-get / cargo install")
    ap.add_argument("--rm-between", action="store_true",
                    help="remove the output right before each build (one folder per tool and N) "
                         "instead of a new folder per build")
    ap.add_argument("--no-cargo-build", action="store_true", help="use the existing release binary")
    ap.add_argument("--gen", default="/work/shared/bench/gen_corpus.py", help="corpus generator")
    ap.add_argument("--results", default=os.path.join(BENCH, "results.md"), help="markdown report path")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    global CORPUS, SITES
    CORPUS = os.path.join(args.work, "corpus")
    SITES = os.path.join(args.work, "site")

    ensure_apt(not args.no_install)
    mdbook = find_mdbook(args)
    exe = build_guide(args)
    os.makedirs(RAW, exist_ok=True)
    # Outputs of an earlier run are moved aside now and removed at the end, not removed
    # now: freeing their inodes would slow the first rounds' file creation (see --rm-between).
    stale = None
    if os.path.exists(SITES):
        stale = f"{SITES}.old-{os.getpid()}"
        os.rename(SITES, stale)
    load_before = load_avg()
    started = datetime.now(timezone.utc)

    tools = {"guide": exe, "hugo": shutil.which("hugo")}
    if mdbook:
        tools["mdbook"] = mdbook

    rows = []      # one dict per (N, tool)
    for n in sizes:
        active = [t for t in tools if not (t == "mdbook" and n > 1000 and not args.mdbook_10000)
                  and not (t == "hugo" and n >= 100000 and not args.hugo_100000)]
        corpora = {t: ensure_corpus(args.gen, t, n) for t in active}
        site_dir = os.path.join(SITES, str(n))

        def cmds_for(run):
            """Each tool's command, writing to a new folder for `run` (or one folder per
            tool, removed before each build, with --rm-between)."""
            where = site_dir if args.rm_between else os.path.join(site_dir, run)
            return {t: command(t, tools[t], corpora[t], os.path.join(where, t)) for t in active}

        rounds = args.runs if n <= 1000 else args.runs_large if n < 100000 else args.runs_huge
        log(f"N={n}: warm-up round, then {rounds} timed rounds of {', '.join(active)} (load {load_avg()})")
        if n < 100000:
            cmds = cmds_for("warmup")
            time_round([(t, cmds[t]) for t in active], site_dir, f"n{n}-warmup", args.rm_between)
        times = {t: [] for t in active}
        cpu = {t: [] for t in active}
        loads = []
        for r in range(rounds):
            order = active[r % len(active):] + active[:r % len(active)]   # rotate who goes first
            cmds = cmds_for(f"round{r}")
            got = time_round([(t, cmds[t]) for t in order], site_dir, f"n{n}-round{r}",
                             args.rm_between)
            for t, (wall, c) in got.items():
                times[t].append(wall)
                cpu[t].append(c)
            loads.append(os.getloadavg()[0])
            log(f"  round {r + 1}/{rounds} (load {loads[-1]:.2f}): "
                + ", ".join(f"{t} {got[t][0]:.3f}s" for t in order))
        pages, sections = page_count(corpora["guide"])
        cmds = cmds_for("rss")
        if args.rm_between:
            shutil.rmtree(site_dir, ignore_errors=True)
        for t in active:
            dst = os.path.join(site_dir if args.rm_between else os.path.join(site_dir, "rss"), t)
            rss = peak_rss_mib(cmds[t], f"n{n}-{t}")
            hb, hc, every, largest = html_bytes(dst)
            fixed = fixed_page_bytes(t, dst)
            med = statistics.median(times[t])
            rows.append({"n": n, "tool": t, "times": times[t], "median": med,
                         "cpu": statistics.median(cpu[t]), "load": max(loads),
                         "ms_page": med * 1000 / n, "rss": rss, "html_bytes": hb,
                         "html_files": hc, "all_bytes": every, "pages": pages, "fixed": fixed,
                         "largest": largest, "rss_load": os.getloadavg()[0]})
            log(f"  {t}: median {med:.3f}s, peak RSS {rss:.0f} MiB, {hb / max(hc, 1):.0f} B/html page")
        for row in rows:
            if row["n"] == n:
                hugo = next((x for x in rows if x["n"] == n and x["tool"] == "hugo"), None)
                row["ratio"] = row["median"] / hugo["median"] if hugo else None

    # 7: the bundled guide, cold build in a fresh process (page cache warm after warm-up).
    self_out = os.path.join(OUT, "self-site")
    export = os.path.join(RAW, "self.json")
    log(f"bundled guide: {args.self_runs} runs")
    subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", str(args.self_runs), "--style", "none",
                    "--prepare", f"sh -c {sh_quote([sh_quote(['rm', '-rf', self_out]) + ' && sync'])}",
                    "--export-json", export,
                    sh_quote([exe, "build", REPO, "-o", self_out, "-q"])],
                   check=True, stdout=subprocess.DEVNULL)
    with open(export) as f:
        self_res = json.load(f)["results"][0]
    self_rss = peak_rss_mib([exe, "build", REPO, "-o", self_out, "-q"], "self")
    load_after = load_avg()
    # Timed rounds' outputs go; the last output of each tool and N (bench/out/site/N/rss)
    # stays for inspection.
    for n in sizes:
        for run in os.listdir(os.path.join(SITES, str(n))):
            if run != "rss" and not args.rm_between:
                shutil.rmtree(os.path.join(SITES, str(n), run), ignore_errors=True)
    if stale:
        shutil.rmtree(stale, ignore_errors=True)

    report = render_report(args, rows, self_res, self_rss, tools, started, load_before, load_after)
    print(report)
    with open(args.results, "w") as f:
        f.write(report)
    log(f"wrote {os.path.relpath(args.results, REPO)}")


def issue_table(rows):
    """The issue's summary: per N, guide and Hugo (time, peak RSS) and guide / Hugo."""
    L = ["## Summary (the issue's table)\n",
         "Median wall time of the timed rounds, peak RSS of one more build; load = the highest "
         "1-minute load average seen after a round (2 cores, shared).\n",
         "| | guide | Hugo | ratio | load |", "|---|---:|---:|---:|---:|"]
    for n in sorted({r["n"] for r in rows}):
        g = next((r for r in rows if r["n"] == n and r["tool"] == "guide"), None)
        h = next((r for r in rows if r["n"] == n and r["tool"] == "hugo"), None)
        if not g:
            continue
        cell = lambda r: f"{r['median']:.2f} s, {r['rss']:,.0f} MiB" if r else "(does not fit)"
        ratio = f"{g['median'] / h['median']:.2f}" if h else ""
        L.append(f"| full build, {n:,} pages | {cell(g)} | {cell(h)} | {ratio} | {g['load']:.1f} |")
    L.append("")
    return L


def render_report(args, rows, self_res, self_rss, tools, started, load_before, load_after):
    L = []
    L.append("# Build benchmark: guide vs Hugo vs mdBook\n")
    L.append(f"Generated by `python3 bench/build.py` on {started:%Y-%m-%d %H:%M} UTC.\n")
    cpu = "unknown"
    try:
        cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read()).group(1)
    except (OSError, AttributeError):
        pass
    rev = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], text=True,
                         capture_output=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--", "src", "themes", "Cargo.toml", "Cargo.lock"],
                           text=True, capture_output=True).stdout.strip()
    L.append("## Machine and tools\n")
    L.append(f"- nproc: {os.cpu_count()}; CPU: {cpu}; kernel {platform.release()}")
    L.append(f"- load average (1/5/15 min): {load_before} before, {load_after} after")
    L.append(f"- guide: {version_of([tools['guide'], '--version'])} at commit {rev}"
             + (" (with uncommitted changes in src/themes)" if dirty else ""))
    L.append(f"- hugo: {version_of([tools['hugo'], 'version'])}")
    if "mdbook" in tools:
        L.append(f"- mdbook: {version_of([tools['mdbook'], '--version'])}")
    L.append(f"- hyperfine: {version_of(['hyperfine', '--version'])}; rustc: {version_of(['rustc', '--version'])}")
    L.append(f"- corpus: {args.gen} (seed 42); timed rounds: {args.runs} at N <= 1000, "
             f"{args.runs_large} at N = 10000; tools alternate within each round, each build clean\n")

    L.extend(issue_table(rows))
    L.append("## Clean full build\n")
    L.append("Wall-clock median of the rounds; min–max over the rounds; CPU s = median user + system "
             "time (less sensitive to other load than wall time); ratio = this tool's median / Hugo's; "
             "max load = highest 1-minute load average seen after a round.\n")
    L.append("| N | tool | median s | min–max s | ms/page | ratio vs hugo | CPU s | peak RSS MiB | max load |")
    L.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r.get("ratio") is not None else "–"
        L.append(f"| {r['n']} | {r['tool']} | {r['median']:.3f} | {min(r['times']):.3f}–{max(r['times']):.3f} "
                 f"| {r['ms_page']:.2f} | {ratio} | {r['cpu']:.2f} | {r['rss']:.0f} | {r['load']:.1f} |")
    L.append("")

    L.append("## Output size\n")
    L.append("Page HTML = the .html files of sections and pages (under `section-*/`); site-wide files "
             "(print view, 404, search index, sitemap) count only in the last column, all output bytes / N.\n")
    L.append("\"topic-00010\" is one fixed page (the 10th page of the first section at every N).\n")
    L.append("| N | tool | page HTML files | page HTML bytes/page | topic-00010 bytes | all output bytes / N | largest file |")
    L.append("|---:|---|---:|---:|---:|---:|---|")
    for r in rows:
        fixed = f"{r['fixed']:,}" if r["fixed"] is not None else "–"
        size, path = r["largest"]
        L.append(f"| {r['n']} | {r['tool']} | {r['html_files']} | {r['html_bytes'] / max(r['html_files'], 1):,.0f} "
                 f"| {fixed} | {r['all_bytes'] / r['n']:,.0f} | {size / 1e6:.2f} MB `{path}` |")
    L.append("")

    L.append("## Bundled guide (this repository's book)\n")
    med_ms = self_res["median"] * 1000
    L.append(f"`guide build . -o OUT -q`, {len(self_res['times'])} runs, warm page cache: "
             f"median {med_ms:.1f} ms (mean {self_res['mean'] * 1000:.1f} ± {self_res['stddev'] * 1000:.1f} ms, "
             f"min {self_res['min'] * 1000:.1f} ms); peak RSS {self_rss:.0f} MiB.\n")

    L.append("## Goals\n")
    L.append("| goal | measured | met |")
    L.append("|---|---|---|")
    for n in (1000, 10000):
        g = next((r for r in rows if r["n"] == n and r["tool"] == "guide"), None)
        if g and g.get("ratio") is not None:
            L.append(f"| guide ≤ {GOAL_RATIO} × Hugo at N={n} | {g['ratio']:.2f} × | {'yes' if g['ratio'] <= GOAL_RATIO else 'NO'} |")
    g = next((r for r in rows if r["n"] == 10000 and r["tool"] == "guide"), None)
    if g:
        L.append(f"| peak RSS at N=10000 ≤ {GOAL_RSS_MIB} MiB | {g['rss']:.0f} MiB | {'yes' if g['rss'] <= GOAL_RSS_MIB else 'NO'} |")
    g = next((r for r in rows if r["n"] == 100000 and r["tool"] == "guide"), None)
    if g:
        L.append(f"| peak RSS at N=100000 ≤ 4 GiB | {g['rss']:.0f} MiB | {'yes' if g['rss'] <= GOAL_RSS_HUGE_MIB else 'NO'} |")
        L.append(f"| build at N=100000 ≤ {GOAL_HUGE_S} s | {g['median']:.1f} s (load {g['load']:.1f}) "
                 f"| {'yes' if g['median'] <= GOAL_HUGE_S else 'NO'} |")
    big = max((r for r in rows if r["tool"] == "guide"), key=lambda r: r["largest"][0], default=None)
    if big:
        size, path = big["largest"]
        L.append(f"| no output file over ~5 MB | largest {size / 1e6:.2f} MB (`{path}`, N={big['n']}) "
                 f"| {'yes' if size <= GOAL_FILE_BYTES else 'NO'} |")
    lo = next((r for r in rows if r["tool"] == "guide" and r["n"] == min(x["n"] for x in rows)), None)
    hi = next((r for r in rows if r["tool"] == "guide" and r["n"] == max(x["n"] for x in rows)), None)
    if lo and hi and lo is not hi:
        # Judged on the same page: the average moves with how full the windowed sidebar
        # lists are (N=100 has only 2 sections), which is bounded, not growing with N.
        a = lo["html_bytes"] / lo["html_files"]
        b = hi["html_bytes"] / hi["html_files"]
        fa, fb = lo["fixed"], hi["fixed"]
        same = f"; topic-00010 {fa:,} → {fb:,} ({(fb / fa - 1) * 100:+.1f} %)" if fa and fb else ""
        ok = fa and fb and fb <= fa * 1.05
        L.append(f"| page bytes flat N={lo['n']} → {hi['n']} | average {a:,.0f} → {b:,.0f} ({(b / a - 1) * 100:+.1f} %){same} "
                 f"| {'yes' if ok else 'NO'} (same page within 5 %) |")
    L.append(f"| bundled guide cold build < {GOAL_SELF_MS} ms | {med_ms:.1f} ms | {'yes' if med_ms < GOAL_SELF_MS else 'NO'} |")
    L.append("")
    # The profile (bench/profile.sh) when it has been run: included with its own date.
    prof = os.path.join(OUT, "profile", "summary-1000.md")
    if os.path.exists(prof):
        when = datetime.fromtimestamp(os.path.getmtime(prof), timezone.utc)
        L.append(f"## Profile (`bench/profile.sh 1000`, run {when:%Y-%m-%d %H:%M} UTC)\n")
        for line in open(prof).read().splitlines():
            L.append("#" + line if line.startswith("#") else line)   # demote headings one level
        L.append("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
