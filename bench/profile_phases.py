#!/usr/bin/env python3
"""Groups a callgrind profile of `guide build` into phases (used by bench/profile.sh).

Usage: profile_phases.py INCLUSIVE.txt SELF.txt N
  INCLUSIVE.txt  `callgrind_annotate --inclusive=yes --auto=no --threshold=100 callgrind.out`
  SELF.txt       `callgrind_annotate --inclusive=no  --auto=no --threshold=100 callgrind.out`
Prints markdown: phases (inclusive cost of each phase's entry functions), self cost by
crate, and the top 10 functions inclusive and self.
"""

import re
import sys


def parse(path, combine):
    """({function: Ir}, program total) from a callgrind_annotate listing.

    With debug info a function is listed once per source file its (inlined) code came from;
    `combine` merges those lines: max for inclusive cost (the line tagged with the object
    file carries the whole inclusive cost), sum for self cost (the lines partition it)."""
    costs, total = {}, None
    for line in open(path, errors="replace"):
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+PROGRAM TOTALS", line)
        if m:
            total = int(m.group(1).replace(",", ""))
            continue
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+([^:\s][^:]*|\?\?\?):(.*)$", line)
        if not m:
            continue
        fn = re.sub(r"\s*\[[^\]]*\]\s*$", "", m.group(3)).strip()   # drop " [object file]"
        if re.search(r"'\d+$", fn):   # callgrind's copies of functions in a call cycle ('2)
            continue
        ir = int(m.group(1).replace(",", ""))
        costs[fn] = combine(costs.get(fn, 0), ir)
    if total is None:
        sys.exit(f"{path}: no PROGRAM TOTALS line")
    return costs, total


# Phases by their entry functions in guide. Each phase is a list of groups; a group's cost
# is the largest inclusive cost among the functions it matches (so nested matches, such as
# search::Index::update calling search::Entry::new, count once), and a phase's cost is the
# sum of its groups, which are disjoint call trees. Highlighting runs inside markdown::render
# and is subtracted from it. The rest is start-up, main-thread glue, sitemap, asset
# fingerprints and process exit. Patterns are loose on purpose: the code moves.
HIGHLIGHT = "highlighting (syntect, inside markdown)"
MARKDOWN = "markdown (pulldown_cmark / guide::markdown), excl. highlighting"
PHASES = [
    ("reading (guide::content, config)", [[r"^guide::content::walk::walk$"], [r"^guide::content::load_page$"],
                                         [r"^guide::content::order::assemble$"], [r"^guide::config::load$"]]),
    (MARKDOWN, [[r"^guide::markdown::render$"]]),
    (HIGHLIGHT, [[r"^guide::markdown::highlight::code_block$"]]),
    ("templates (tera / guide::render: context, nav, JSON-LD, Tera::render)",
     [[r"^tera::tera::Tera::render$"], [r"^guide::render::Renderer::new$"], [r"^guide::render::jsonld::build$"],
      [r"^guide::render::nav::build$"], [r"Serialize for guide::render::[\w:]+>::serialize$"]]),
    ("print view (guide::output::site_files::for_print)", [[r"^guide::output::site_files::for_print$"]]),
    ("search index (guide::search)", [[r"^guide::search::[\w:]+$"]]),
    ("file writing (guide::output::write)", [[r"^guide::output::write::write$"]]),
]

# Self cost by crate / kind of code: first match wins.
CRATES = [
    ("syntect + oniguruma (highlighting)", r"^syntect::|<syntect::|^onig|^match_at$|^onigenc|^forward_search|^backward_search|^sunday|^bm_search|^str_lower_case_match|^onig_search"),
    ("pulldown_cmark", r"^pulldown_cmark::|<pulldown_cmark::"),
    ("tera + pest (templates)", r"^tera::|<tera::|^pest::|<pest::"),
    ("serde / serde_json", r"^serde_json::|<serde_json::|^serde::|^serde_core::|<serde"),
    ("guide::search", r"^guide::search::"),
    ("guide::output (print view, writing)", r"^guide::output::"),
    ("guide::markdown", r"^guide::markdown::"),
    ("guide::render", r"^guide::render::"),
    ("guide (other)", r"^guide::|<guide::"),
    ("substring search (core::str::pattern)", r"core::str::pattern"),
    ("hashing (SipHash, hashbrown)", r"core::hash::sip|hashbrown::|Hasher|BuildHasher"),
    ("malloc / free / memcpy (libc)", r"malloc|free|realloc|^_?_?mem(cpy|move|set|cmp|chr)|^__str|strlen|^_int_|^__libc|unlink_chunk|tcache"),
    ("std / core / alloc (other)", r"^(core|alloc|std)::|^<(core|alloc|std)::|^<&"),
]

# Frames that only pass control along: runtime, thread start, rayon plumbing, closures.
PLUMBING = [r"^0x", r"^\?\?\?", r"^\(below main\)", r"_start", r"^main$", r"lang_start", r"std::rt::",
            r"^std::sys::", r"start_thread", r"^clone3?$", r"^rayon", r"<rayon", r"std::panicking",
            r"std::panic::", r"core::ops::function", r"__rust_begin_short_backtrace", r"call_once",
            r"^guide::main$", r"^guide::cmd::", r"^guide::pipeline::", r"<std::sys::", r"\{\{closure\}\}$",
            r"FromIterator", r"SpecFromIter", r"SpecExtend", r"^core::iter::", r"Iterator>::(fold|collect|try_fold)",
            r"^std::thread::"]


def main():
    inc_path, self_path, n = sys.argv[1:4]
    inc, total = parse(inc_path, max)
    selfc, _ = parse(self_path, lambda a, b: a + b)

    def pct(x):
        return 100.0 * x / total

    def hits(groups):
        """The costliest function of each group: [(Ir, function)]."""
        out = []
        for pats in groups:
            best = max(((ir, fn) for fn, ir in inc.items() if any(re.search(p, fn) for p in pats)), default=None)
            if best:
                out.append(best)
        return sorted(out, reverse=True)

    print(f"# guide build profile, N={n} (callgrind, RAYON_NUM_THREADS=1)\n")
    print(f"Program total: {total:,} instructions (Ir), all threads. These are instructions, not "
          "time: system calls (reading and writing files) cost kernel time callgrind does not count.\n")
    print("## Phases (inclusive cost of each phase's entry functions)\n")
    print("| phase | % of Ir | entry functions (inclusive %) |")
    print("|---|---:|---|")
    costs = {name: sum(ir for ir, _ in hits(pats)) for name, pats in PHASES}
    costs[MARKDOWN] -= costs[HIGHLIGHT]   # code_block runs inside markdown::render
    for name, pats in PHASES:
        def short(fn):
            m = re.search(r"Serialize for ([\w:]+)>", fn)
            return f"serialize {m.group(1).split('::')[-1]}" if m else "::".join(fn.split("::")[-2:])
        detail = ", ".join(f"`{short(fn)}` {pct(ir):.1f}" for ir, fn in hits(pats))
        print(f"| {name} | {pct(costs[name]):.1f} | {detail or '–'} |")
    rest = total - sum(costs.values())
    print(f"| other (start-up, main-thread glue, sitemap, asset fingerprints, exit) | {pct(rest):.1f} | |")

    print("\n## Self cost by crate (non-overlapping: which code executes the instructions)\n")
    groups = {}
    for fn, ir in selfc.items():
        g = next((name for name, pat in CRATES if re.search(pat, fn)), "other (loader, unnamed)")
        groups[g] = groups.get(g, 0) + ir
    print("| crate / kind | % of Ir |")
    print("|---|---:|")
    for g, ir in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"| {g} | {pct(ir):.1f} |")

    def top(costs, k, skip=()):
        rows = sorted(((ir, fn) for fn, ir in costs.items()), reverse=True)
        return [(ir, fn) for ir, fn in rows if not any(re.search(s, fn) for s in skip)][:k]

    print("\n## Top 10 functions, inclusive (plumbing frames left out)\n")
    print("| % | function |")
    print("|---:|---|")
    for ir, fn in top(inc, 10, PLUMBING):
        print(f"| {pct(ir):.1f} | `{fn[:120]}` |")
    print("\n## Top 10 functions, self\n")
    print("| % | function |")
    print("|---:|---|")
    for ir, fn in top(selfc, 10):
        print(f"| {pct(ir):.1f} | `{fn[:120]}` |")


if __name__ == "__main__":
    main()
