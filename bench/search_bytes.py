#!/usr/bin/env python3
"""Bytes a reader downloads for one search, replaying what themes/default/static/guide.js fetches.

usage: bench/search_bytes.py BUILT_SITE "query words" [...more queries]

For each query: meta.json, the term shard of each word (the last word as a prefix), then the
doc chunks of the top 10 results. Prints the whole index size beside it.
"""
import json, os, re, sys

def main():
    site = sys.argv[1]
    root = os.path.join(site, "search")
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs)
    files = sum(len(fs) for _, _, fs in os.walk(root))
    meta_path = os.path.join(root, "meta.json")
    meta = json.load(open(meta_path))
    print(f"index: {total/1e6:.1f} MB in {files} files for {meta['docs']} pages")
    for q in sys.argv[2:]:
        got = os.path.getsize(meta_path)
        words = [w for w in re.split(r"[^\w]+", q.lower()) if len(w) >= 2]
        scores = None
        for i, w in enumerate(words):
            shard = w[:3] if len(w) > 2 and w[:3] in meta["shards"] else w[:2]
            if shard not in meta["shards"]:
                scores = {}
                break
            p = os.path.join(root, "terms", shard + ".json")
            got += os.path.getsize(p)
            terms = json.load(open(p))
            last = i == len(words) - 1
            hits = {}
            for t, posts in terms.items():
                if t == w or (last and t.startswith(w)):
                    for doc, s in posts:
                        hits[doc] = hits.get(doc, 0) + s
            scores = hits if scores is None else {d: scores[d] + s for d, s in hits.items() if d in scores}
        top = sorted(scores.items(), key=lambda x: -x[1])[:10]
        chunks = {d // meta["chunk"] for d, _ in top}
        for k in chunks:
            got += os.path.getsize(os.path.join(root, "docs", f"{k}.json"))
        print(f"query {q!r}: {len(scores)} matches, downloads {got/1e3:.0f} KB ({len(words)} shard(s), {len(chunks)} doc chunk(s))")

main()
