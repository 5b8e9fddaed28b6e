#!/usr/bin/env python3
"""bench/run's arithmetic: the politeness bound of a generated world, scoring a tool's output
against the generator's truth, and the Markdown table. Only the standard library."""
import csv
import json
import sys
from collections import Counter, defaultdict

# Requests one URL costs on its host, as durations beyond the fixed latency L (ms).
EXTRA = {
    "live": [0], "slow": [3000], "moved": [0, 0], "gone": [0], "removed": [0],
    "refused": [], "soft404": [0], "soft404_home": [0, 0], "bot_wall": [0],
    "rate_limited": [1000, 0],  # the 429, the Retry-After park, then the page
}


def shard_of_host(host, count):
    """crawler/shard.cpp's assignment: FNV-1a 64 of the registrable domain, modulo N. For the
    generated names (newsNNNN.test, "test" a public suffix by the list's "*" rule) the
    registrable domain is the last two labels."""
    value = 14695981039346656037
    for byte in ".".join(host.rstrip(".").split(".")[-2:]).encode():
        value = ((value ^ byte) * 1099511628211) % (1 << 64)
    return value % count


def bound(truth_file, per_host, interval_ms, concurrency, probe=True, shard=None):
    """Lower bound on wall seconds under the politeness rules: per host, starts are at least
    `interval_ms` apart and at most `per_host` overlap, and one URL's requests (a redirect, a
    429 and its retry) follow each other; overall at most `concurrency`. `shard` = (K, N): only
    the hosts shard K of N owns."""
    truth = json.load(open(truth_file))
    lat = truth["latency_ms"]
    per = defaultdict(list)
    chain = defaultdict(float)  # per host, the longest one URL's requests take back to back
    for t in truth["targets"]:
        if shard and shard_of_host(t["host"], shard[1]) != shard[0]:
            continue
        durs = [lat + e for e in EXTRA[t["kind"]]]
        per[t["host"]] += durs
        chain[t["host"]] = max(chain[t["host"]], sum(durs))
    total = 0.0
    worst = 0.0
    for host, durs in per.items():
        if probe:
            durs = durs + [lat]  # linkhealth's one soft-404 probe per host
        total += sum(durs)
        host_ms = max((len(durs) - 1) * interval_ms + lat, sum(durs) / per_host, chain[host])
        worst = max(worst, host_ms)
    return max(worst, total / concurrency) / 1000.0


TRUTH = None
LINKHEALTH = {"ok": "ok", "redirected": "redirect", "blocked": "blocked"}


def answers(tool, output):
    """url -> class (ok, redirect, broken, blocked, other) from one tool's output."""
    got = {}
    if tool == "linkhealth":
        for r in json.load(open(output))["targets"]:
            v = r["verdict"]
            got[r["request_url"]] = LINKHEALTH.get(
                v, "other" if v in ("skipped", "invalid") else "broken")
    elif tool == "linkchecker":
        lines = [l for l in open(output, encoding="utf-8", errors="replace")
                 if not l.startswith("#")]
        for row in csv.DictReader(lines, delimiter=";"):
            if not row.get("urlname", "").startswith("http"):
                continue
            if row["valid"] != "True":
                got[row["urlname"]] = "broken"
            elif "redirect" in row.get("warningstring", "").lower() or \
                    row["url"] != row["urlname"]:
                got[row["urlname"]] = "redirect"
            else:
                got[row["urlname"]] = "ok"
    elif tool == "linkinator":
        for r in json.load(open(output))["links"]:
            if not r["url"].startswith("http"):
                continue
            if r["state"] == "BROKEN":
                got[r["url"]] = "broken"
            elif r["state"] == "OK":
                got[r["url"]] = "redirect" if 300 <= int(r.get("status") or 0) < 400 else "ok"
            else:
                got[r["url"]] = "blocked"
    if tool == "linkinator" and got:
        # linkinator 7 marks 403 + cf-mitigated (and 999) as SKIPPED "bot-protected" and leaves
        # skipped links out of its JSON: a URL it was given but did not list is its "blocked".
        urls = [t["url"] for t in json.load(open(TRUTH))["targets"]]
        for u in urls:
            got.setdefault(u, "blocked")
    return got


def score(truth_file, tool, output):
    global TRUTH
    TRUTH = truth_file
    truth = {t["url"]: t for t in json.load(open(truth_file))["targets"]}
    got = answers(tool, output)
    exact = sum(1 for u, t in truth.items() if got.get(u) == t["class"])
    broken_right = sum(1 for u, t in truth.items()
                       if u in got and (got[u] == "broken") == (t["class"] == "broken"))
    wrong = Counter()
    for u, t in truth.items():
        if got.get(u) != t["class"]:
            wrong[f'{t["kind"]}->{got.get(u, "missing")}'] += 1
    return {"urls": len(truth), "answered": sum(1 for u in truth if u in got),
            "right": exact, "right_broken": broken_right,
            "wrong": dict(wrong.most_common(6))}


def table(rows_file):
    """One line per (N, run): the median of its repeated rows (the count shown as ×k)."""
    import statistics
    rows = [json.loads(l) for l in open(rows_file) if l.strip()]
    groups = {}
    for r in rows:
        if "shards" not in r:
            groups.setdefault((r["files"], r["run"]), []).append(r)

    def median(group, key):
        return statistics.median(r[key] for r in group)

    def cpu(group):
        return statistics.median(r["user"] + r["sys"] for r in group)

    out = ["| N files (URLs) | run | wall s | bound s | wall/bound | first request s | "
           "content recorded s | fetching done s | CPU s | CPU ms/URL | "
           "CPU ms/URL fetch + parse + store | peak RSS MB | loopback MB | right (4 classes) | "
           "right (broken or not) |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (files, run), group in groups.items():
        r = group[0]
        b = r.get("bound")
        wall = median(group, "wall")
        runs = f"{run} ×{len(group)}" if len(group) > 1 else run
        right = f'{r["right"]}/{r["urls"]}' if "right" in r else "–"
        if "right" in r and len({g["right"] for g in group}) > 1:
            right = "/".join(str(g["right"]) for g in group) + f'/{r["urls"]}'
        rb = f'{r["right_broken"]}/{r["urls"]}' if "right_broken" in r else "–"
        bound_s = f"{b:.1f}" if b else "–"
        ratio = f"{wall / b:.2f}" if b else "–"
        # The crawl's own account of the fetch phase (planning, fetching, head parsing and
        # recording every check), from its run log: without the scan and the report/JSON.
        without = "–"
        if all("cpu_fetch" in g for g in group):
            without = f'{1000 * median(group, "cpu_fetch") / r["urls"]:.2f}'
        # The crawl's own account of its wall time (the "wall seconds:" line of its run log).
        def at(key, digits):
            if not all(key in g for g in group):
                return "–"
            return f"{median(group, key):.{digits}f}"
        out.append(
            f'| {files} ({r["urls"]}) | {runs} | {wall:.1f} | {bound_s} | {ratio} | '
            f'{at("first_request", 3)} | {at("content_recorded", 2)} | {at("fetched", 2)} | '
            f'{cpu(group):.1f} | {1000 * cpu(group) / r["urls"]:.2f} | {without} | '
            f'{median(group, "rss_kb") / 1024:.0f} | {median(group, "lo_bytes") / 1e6:.1f} | '
            f"{right} | {rb} |")
    return "\n".join(out)


def read_time(path):
    """/usr/bin/time -f '%e %U %S %M': wall, user, sys seconds and peak RSS KB."""
    wall, user, sys_, rss = open(path).read().split("\n")[-2].split()
    return float(wall), float(user), float(sys_), int(rss)


def shards(truth_file, out, n, files, lo_bytes, reference):
    """One row for a crawl split into `n` shards (bench/run measure_shards): each shard's wall
    against its own bound, the merge, and the merged store's answers against the truth and
    against the unsharded (N = 1) crawl's."""
    import os
    from urllib.parse import urlsplit
    truth = json.load(open(truth_file))
    row = {"shards": n, "files": files, "urls": truth["urls"], "lo_bytes": lo_bytes,
           "shard_walls": [], "shard_bounds": [], "shard_urls": [], "cpu": 0.0,
           "cpu_fetch": 0.0, "rss_kb": 0, "misassigned": 0}
    for k in range(n):
        wall, user, sys_, rss = read_time(f"{out}/shard-{k}.time")
        row["shard_walls"].append(wall)
        row["shard_bounds"].append(round(bound(truth_file, 2, 500, 64, shard=(k, n)), 3))
        row["cpu"] += user + sys_
        row["cpu_fetch"] += phases(f"{out}/shard-{k}.log").get("cpu_fetch", 0.0)
        row["rss_kb"] = max(row["rss_kb"], rss)
        # The crawl's own assignment against this file's: every target it checked is ours.
        checked = json.load(open(f"{out}/shard-{k}.json"))["targets"]
        row["shard_urls"].append(len(checked))
        row["misassigned"] += sum(
            1 for t in checked if shard_of_host(urlsplit(t["request_url"]).hostname, n) != k)
    row["wall"] = max(row["shard_walls"])
    row["merge_wall"], user, sys_, _ = read_time(f"{out}/merge.time")
    row["merge_cpu"] = user + sys_
    row["merged_bytes"] = sum(os.path.getsize(f"{out}/all.db{x}") for x in ("", "-wal")
                              if os.path.exists(f"{out}/all.db{x}"))
    merged = f"{out}/all-{n}.json"
    if os.path.exists(merged):
        row.update(score(truth_file, "linkhealth", merged))
        if n != 1 and os.path.exists(reference):
            ours, theirs = answers("linkhealth", merged), answers("linkhealth", reference)
            row["differs_from_unsharded"] = sum(
                1 for u in set(ours) | set(theirs) if ours.get(u) != theirs.get(u))
    return json.dumps(row)


def shard_table(rows_file):
    """One line per (N files, shard count)."""
    rows = [json.loads(l) for l in open(rows_file) if l.strip() and '"shards"' in l]
    out = ["| N files (URLs) | shards | wall s (slowest shard) | each shard: wall s / own bound s "
           "(URLs) | worst wall/bound | CPU s, all shards | CPU ms/URL fetch + parse + store | "
           "merge s | merged DB MB | right (4 classes) | verdicts ≠ unsharded |",
           "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        each = ", ".join(f"{w:.1f} / {b:.1f} ({u})" for w, b, u in
                         zip(r["shard_walls"], r["shard_bounds"], r["shard_urls"]))
        worst = max(w / b for w, b in zip(r["shard_walls"], r["shard_bounds"]) if b)
        right = f'{r["right"]}/{r["urls"]}' if "right" in r else "–"
        differs = r.get("differs_from_unsharded", "–" if r["shards"] == 1 else "not compared")
        if r["misassigned"]:
            right += f' ({r["misassigned"]} URLs in the wrong shard)'
        out.append(
            f'| {r["files"]} ({r["urls"]}) | {r["shards"]} | {r["wall"]:.1f} | {each} | '
            f'{worst:.2f} | {r["cpu"]:.1f} | {1000 * r["cpu_fetch"] / r["urls"]:.2f} | '
            f'{r["merge_wall"]:.2f} | {r["merged_bytes"] / 1e6:.1f} | {right} | {differs} |')
    return "\n".join(out)


def phases(log_file):
    """The last "cpu seconds: ..." and "wall seconds: ..." lines of a crawl's run log, as row
    fields."""
    import re
    found = {}
    for line in open(log_file):
        m = re.search(r"cpu seconds: scan and record content ([\d.]+), fetch and record checks "
                      r"([\d.]+), report and JSON ([\d.]+)", line)
        if m:
            found.update(cpu_scan=float(m[1]), cpu_fetch=float(m[2]), cpu_report=float(m[3]))
        m = re.search(r"wall seconds: first request ([\d.]+), content recorded ([\d.]+), "
                      r"fetching done ([\d.]+), repair search done ([\d.]+), outputs written "
                      r"([\d.]+)", line)
        if m:
            found.update(first_request=float(m[1]), content_recorded=float(m[2]),
                         fetched=float(m[3]), repaired=float(m[4]), written=float(m[5]))
    return found


def weekly(db, rows_file, files):
    """The unchanged rerun: body bytes (from the store) and loopback bytes, first vs second."""
    import sqlite3
    runs = sqlite3.connect(db).execute(
        "SELECT run_id, count(*), sum(not_modified), sum(bytes) FROM checks "
        "GROUP BY run_id ORDER BY run_id").fetchall()
    rows = [json.loads(l) for l in open(rows_file) if l.strip()]
    lo = [r["lo_bytes"] for r in rows
          if r["files"] == files and r["run"].startswith("DB crawl")][-2:]
    if len(runs) < 2 or len(lo) < 2:
        return f"N = {files}: weekly rerun not measured (runs: {runs})"
    (_, n1, _, b1), (_, n2, nm2, b2) = runs[-2], runs[-1]
    return (f"N = {files}, unchanged weekly rerun: body bytes {b1 / 1e6:.1f} MB -> "
            f"{b2 / 1e6:.1f} MB ({100 * (1 - b2 / max(b1, 1)):.1f}% fewer); loopback bytes "
            f"{lo[0] / 1e6:.1f} MB -> {lo[1] / 1e6:.1f} MB ({100 * (1 - lo[1] / max(lo[0], 1)):.1f}% "
            f"fewer); {nm2} of {n2} targets answered 304 Not Modified.\n")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "bound":
        print(f"{bound(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])):.3f}")
    elif cmd == "score":
        print(json.dumps(score(sys.argv[2], sys.argv[3], sys.argv[4])))
    elif cmd == "phases":
        print(json.dumps(phases(sys.argv[2])))
    elif cmd == "weekly":
        print(weekly(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    elif cmd == "table":
        print(table(sys.argv[2]))
    elif cmd == "shards":
        print(shards(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
                     int(sys.argv[6]), sys.argv[7]))
    elif cmd == "shard_table":
        print(shard_table(sys.argv[2]))
