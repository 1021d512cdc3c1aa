#!/usr/bin/env python3
"""Runs the benchmarks in rounds and gives each row's ratio to the exp floor of the same round.

Usage: rounds.py OUTDIR ROUNDS FILTER [FILTER ...]
       rounds.py OUTDIR            (the table again, from the rounds already in OUTDIR)

Each round is one BenchmarkDotNet run with --launchCount 1 of every row the filters name, in both jobs; include the exp floor
of each class (for example '*ClosedFormBenchmarks.ExpFloor'). A row and its floor are then measured minutes apart at most, so
the machine's drift between minutes moves both. The table gives, per row and job, the median over the rounds of the ns and of
the ratio to the floor, and the range of the ratios.
"""
import csv
import glob
import os
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "benchmarks", "LrDecay.Benchmarks")


def run(outdir, rounds, filters):
    os.makedirs(outdir, exist_ok=True)
    artifacts = os.path.join(ROOT, "BenchmarkDotNet.Artifacts")
    for r in range(1, rounds + 1):
        shutil.rmtree(artifacts, ignore_errors=True)
        with open(os.path.join(outdir, f"r{r}.log"), "w") as log:
            subprocess.run(["dotnet", "run", "-c", "Release", "--project", PROJECT, "--", "--launchCount", "1", "--filter", *filters],
                           cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=True)
        shutil.copytree(os.path.join(artifacts, "results"), os.path.join(outdir, f"r{r}"), dirs_exist_ok=True)


def nanoseconds(cell):
    value, unit = cell.replace(",", "").split()
    return float(value) * {"ns": 1.0, "us": 1e3, "μs": 1e3, "ms": 1e6}[unit]


def table(outdir):
    data = {}
    for r in sorted(glob.glob(os.path.join(outdir, "r*", ""))):
        for report in glob.glob(os.path.join(r, "*-report.csv")):
            cls = os.path.basename(report).split("-report")[0].split(".")[-1]
            for row in csv.DictReader(open(report, encoding="utf-8")):
                data.setdefault((cls, row["Method"], row["Job"]), {})[r] = nanoseconds(row["Median"])
    print("| Class | Benchmark | Job | ns (median) | x exp floor (median) | range | rounds |")
    print("|---|---|---|--:|--:|--:|--:|")
    for (cls, method, job), per in sorted(data.items()):
        floor = data.get((cls, "ExpFloor", job), {})
        ratios = [per[r] / floor[r] for r in per if r in floor]
        if method == "ExpFloor" or not ratios:
            continue
        print(f"| {cls} | {method} | {job} | {statistics.median(per.values()):.2f} | {statistics.median(ratios):.2f} | "
              f"{min(ratios):.2f} to {max(ratios):.2f} | {len(ratios)} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if len(sys.argv) > 3:
        run(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
    table(sys.argv[1])
