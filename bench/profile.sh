#!/usr/bin/env bash
# Where does a `guide build` spend its work? Phase breakdown from callgrind, plus wall-clock
# phase timings.
#
# Usage (from the repository root):
#     bench/profile.sh [N]        # N = corpus size, default 1000
#
# Environment:
#     PROFILE_TARGET_DIR   cargo target dir of the profiling build (default /work/bench-target-prof)
#     GEN_CORPUS           corpus generator (default /work/shared/bench/gen_corpus.py)
#
# Steps:
#  1. Builds guide in release mode with debug info (CARGO_PROFILE_RELEASE_DEBUG=true) in its
#     own target dir, so symbols resolve and nobody else's build is disturbed.
#  2. Generates (or reuses) bench/out/corpus/guide-N.
#  3. Runs `valgrind --tool=callgrind` on one clean `guide build` with RAYON_NUM_THREADS=1
#     (one worker: costs add up instead of interleaving). Not `perf`: hardware counters are
#     unavailable in this container (`perf stat -e instructions true` says <not supported>).
#     callgrind counts instructions (Ir), the same on every run whatever the machine's load.
#  4. callgrind_annotate (inclusive and self listings), grouped by bench/profile_phases.py
#     into phases by their entry functions in guide: reading (guide::content), markdown
#     (guide::markdown::render minus highlighting), highlighting (syntect, via
#     guide::markdown::highlight::code_block), templates (tera + guide::render), print view
#     (guide::output::site_files::for_print), search index (guide::search), file writing
#     (guide::output::write); plus self cost by crate and the top 10 functions.
#  5. Wall-clock phase timings from `guide build -v` (all threads, median of 3) at N and at
#     10 x N when that corpus exists: a phase whose µs/page grows with N is superlinear.
# Output: bench/out/profile/callgrind.out.N (open with kcachegrind or callgrind_annotate)
# and bench/out/profile/summary-N.md (also printed; bench/build.py folds it into results.md).
set -euo pipefail

N="${1:-1000}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${PROFILE_TARGET_DIR:-/work/bench-target-prof}"
GEN="${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}"
PROF="$REPO/bench/out/profile"
CORPUS="$REPO/bench/out/corpus/guide-$N"
mkdir -p "$PROF"

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }

echo "[profile] cargo build --release with debug info -> $TARGET" >&2
(cd "$REPO" && CARGO_PROFILE_RELEASE_DEBUG=true CARGO_TARGET_DIR="$TARGET" \
    cargo build --release --bin guide)
EXE="$TARGET/release/guide"

if [ ! -f "$CORPUS/.gen_corpus.json" ]; then
    echo "[profile] generating $CORPUS" >&2
    python3 "$GEN" "$N" --format guide --out "$CORPUS" --force >/dev/null
fi

# 3. callgrind
OUTFILE="$PROF/callgrind.out.$N"
SITE="$PROF/site-$N"
rm -rf "$SITE"
echo "[profile] callgrind on guide build of N=$N (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$OUTFILE" \
    "$EXE" build "$CORPUS" -o "$SITE" -q 2>"$PROF/valgrind-$N.log"

# 4. listings (--auto=no: functions only, no annotated source) and phases
callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$OUTFILE" >"$PROF/inclusive-$N.txt"
callgrind_annotate --inclusive=no --auto=no --threshold=100 "$OUTFILE" >"$PROF/self-$N.txt"
python3 "$REPO/bench/profile_phases.py" "$PROF/inclusive-$N.txt" "$PROF/self-$N.txt" "$N" \
    >"$PROF/summary-$N.md"

# 5. wall-clock phases: `guide build -v` prints "  <phase>  <ms> ms" lines on stderr
wall_phases() {
    for M in "$N" "$((N * 10))"; do
        local C="$REPO/bench/out/corpus/guide-$M"
        [ -f "$C/.gen_corpus.json" ] || continue
        for _ in 1 2 3; do
            rm -rf "$PROF/wall-$M"
            "$EXE" build "$C" -o "$PROF/wall-$M" -v 2>&1 >/dev/null \
                | awk -v n="$M" '$2 ~ /^[0-9.]+$/ && $3 == "ms" { print n, $1, $2 }'
        done
        rm -rf "$PROF/wall-$M"
    done
}
echo "[profile] wall-clock phases (guide build -v)" >&2
{
    echo
    echo "## Wall-clock phases (\`guide build -v\`, all threads, median of 3 runs)"
    echo
    wall_phases | python3 -c '
import collections, statistics, sys
t, ns, phases = collections.defaultdict(list), [], []
for line in sys.stdin:
    n, phase, ms = line.split()
    n = int(n)
    t[(n, phase)].append(float(ms))
    ns += [n] if n not in ns else []
    phases += [phase] if phase not in phases else []
print("| phase | " + " | ".join(f"N={n} ms | µs/page" for n in ns) + " |")
print("|---|" + "---:|---:|" * len(ns))
for p in phases:
    cells = []
    for n in ns:
        v = statistics.median(t[(n, p)]) if t[(n, p)] else float("nan")
        cells.append(f"{v:.1f} | {v * 1000 / n:.0f}")
    print(f"| {p} | " + " | ".join(cells) + " |")
'
    echo
    echo "Load average after the wall-clock runs: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))."
} >>"$PROF/summary-$N.md"

cat "$PROF/summary-$N.md"
echo "[profile] summary: $PROF/summary-$N.md; listings: $PROF/inclusive-$N.txt, $PROF/self-$N.txt" >&2
