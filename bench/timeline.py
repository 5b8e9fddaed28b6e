#!/usr/bin/env python3
"""bench/profile --timeline: a crawl's requests as the fixture web saw them (fixture-web --hits),
by the generator's kinds, per quarter second, and which kinds the crawl's last second was
waiting on. Only the standard library."""
import json
import sys
from collections import Counter, defaultdict
from urllib.parse import urlsplit


def main(truth_file, hits_file):
    kind_of = {}
    for t in json.load(open(truth_file))["targets"]:
        u = urlsplit(t["url"])
        kind_of[u.hostname + (u.path or "/") + (("?" + u.query) if u.query else "")] = t["kind"]
    hits = []
    for line in open(hits_file):
        when, key = line.split(" ", 1)
        key = key.strip()
        hits.append((float(when), key, kind_of.get(key, "other")))
    if not hits:
        print("timeline: no requests")
        return
    kinds = sorted({k for _, _, k in hits})
    bins = defaultdict(Counter)
    for when, _, kind in hits:
        bins[int(when * 4)][kind] += 1
    print("  from s | " + " ".join(f"{k:>12}" for k in kinds))
    for b in sorted(bins):
        print(f"{b / 4:8.2f} | " + " ".join(f"{bins[b][k]:12d}" for k in kinds))
    last = hits[-1][0]
    tail = Counter(kind for when, _, kind in hits if when >= last - 1.0)
    print(f"last request at {last:.2f} s after the first; in its last second: {dict(tail)}")
    slow = [when for when, _, kind in hits if kind == "slow"]
    if slow:
        print(f"slow pages started at (s): {' '.join(f'{w:.2f}' for w in slow)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
