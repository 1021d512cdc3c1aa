#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV reports into the tables of benchmarks/README.md: one row per benchmark, Pgo and NoPgo side by side."""
import csv, glob, os, sys

results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
for path in sorted(glob.glob(os.path.join(results, "*-report.csv"))):
    name = os.path.basename(path).split(".")[2].replace("-report", "")
    rows = list(csv.DictReader(open(path)))
    jobs = {}
    for r in rows:
        jobs.setdefault(r["Method"], {})[r["Job"]] = r
    print(f"### {name}\n")
    print("| Benchmark | Target | Pgo ns | Pgo xCall | Pgo xExp | Pgo | NoPgo ns | NoPgo xCall | NoPgo xExp | NoPgo | Allocated |")
    print("|---|---|--:|--:|--:|---|--:|--:|--:|---|--:|")
    for method, by_job in jobs.items():
        p, n = by_job.get("Pgo", {}), by_job.get("NoPgo", {})
        target = p.get("Target", "-")
        goal = target.split(":")[0].replace("<=", "&le; ") if target != "-" else "-"
        verdict = lambda r: (r.get("Target", "-").split(": ")[1] if ": " in r.get("Target", "-") else "")
        ns = lambda r: r.get("Median", "").replace(" ns", "")
        print(f"| {method} | {goal} | {ns(p)} | {p.get('xCall','')} | {p.get('xExp','')} | {verdict(p)} | {ns(n)} | {n.get('xCall','')} | {n.get('xExp','')} | {verdict(n)} | {p.get('Allocated','')} |")
    print()
