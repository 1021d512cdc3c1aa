#!/usr/bin/env python3
"""Rates of random configs from two lrdecay builds, compared bit for bit (docs/testing.md, "Numbers independent of the C library").

Usage: glibc-compare.py OLD_CLI_DLL NEW_CLI_DLL [CONFIGS_PER_ROW]
  OLD_CLI_DLL  LrDecay.Cli.dll of a build with glibc's kernels (commit 8b1c904: git worktree add ../old 8b1c904, then
               dotnet build ../old/src/LrDecay.Cli -c Release)
  NEW_CLI_DLL  LrDecay.Cli.dll of this tree (dotnet build src/LrDecay.Cli -c Release)
Prints one Markdown row per schedule kind: rates compared, how many differ, how many by one ulp, the largest distance in ulps.
"""
import json, random, struct, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

OLD = ["dotnet", sys.argv[1]]
NEW = ["dotnet", sys.argv[2]]
RANGES = ["0:2000", "0:20000000:66667", "9223372036854775000:9223372036854775807:115"]
PER_ROW = int(sys.argv[3]) if len(sys.argv) > 3 else 40
rnd = random.Random(23)


def lr():
    return round(10 ** rnd.uniform(-4, 0), 6)


def rows():
    yield "polynomial", lambda: {"type": "polynomial", "initialLr": lr(), "decaySteps": rnd.randint(100, 10**6),
                                 "endLr": round(rnd.uniform(0, 1e-4), 8), "power": round(rnd.uniform(0.1, 4), 3)}
    yield "cosine with kDecay", lambda: {"type": "cosine", "initialLr": lr(), "decaySteps": rnd.randint(100, 10**6),
                                         "minLr": round(rnd.uniform(0, 1e-4), 8), "kDecay": round(rnd.uniform(0.2, 3), 3)}
    def restarts():
        c = {"type": "cosineRestarts", "initialLr": lr(), "firstDecaySteps": rnd.randint(10, 5000),
             "tMul": rnd.choice([1, 2, 3, round(rnd.uniform(1.05, 3), 3)]), "mMul": round(rnd.uniform(0.5, 1), 3),
             "minLr": round(rnd.uniform(0, 1e-4), 8), "mMulMode": rnd.choice(["range", "peak"])}
        if rnd.random() < 0.6:
            c["kDecay"] = round(rnd.uniform(0.3, 3), 3)
        return c
    yield "cosineRestarts", restarts
    yield "inverseSqrt with power", lambda: {"type": "inverseSqrt", "initialLr": lr(), "warmupSteps": rnd.randint(0, 5000),
                                             "power": round(rnd.uniform(0.1, 1.5), 3)}
    yield "rangeTest (exponential)", lambda: {"type": "rangeTest", "startLr": 10 ** round(rnd.uniform(-8, -4), 3),
                                              "endLr": 10 ** round(rnd.uniform(-1, 1), 3), "steps": rnd.randint(100, 10**6)}
    def pwl():
        n = rnd.randint(3, 5)
        steps = sorted(rnd.sample(range(1, 10**6), n - 1))
        return {"type": "piecewiseLinear", "steps": [0] + steps, "values": [lr() for _ in range(n)], "interpolation": "cosine"}
    yield "piecewiseLinear (cosine)", pwl
    yield "cooldown (power)", lambda: {"type": "cooldown", "startStep": rnd.randint(0, 10**5), "decaySteps": rnd.randint(10, 10**5),
                                       "shape": "power", "power": round(rnd.uniform(0.2, 3), 3), "schedule": {"type": "constant", "lr": lr()}}
    yield "cooldown (exp)", lambda: {"type": "cooldown", "startStep": rnd.randint(0, 10**5), "decaySteps": rnd.randint(10, 10**5),
                                     "shape": "exp", "ratio": 10 ** round(rnd.uniform(-4, -0.5), 3), "schedule": {"type": "constant", "lr": lr()}}
    yield "oneCycle (cosine)", lambda: {"type": "oneCycle", "maxLr": lr(), "totalSteps": rnd.randint(100, 10**6),
                                        "pctStart": round(rnd.uniform(0.05, 0.5), 3), "threePhase": rnd.random() < 0.3}


def evaluate(cli, config):
    out = []
    for r in RANGES:
        p = subprocess.run(cli + ["eval", json.dumps(config), "--steps", r], capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"{cli[1]}: {config}: {p.stderr}")
        out += [line.split(",")[1] for line in p.stdout.splitlines()[1:]]
    return out


def bits(s):
    return struct.unpack("<q", struct.pack("<d", float(s)))[0]


print("| Configs | Rates | Differ | Share | By 1 ulp | Max ulps |")
print("|---|--:|--:|--:|--:|--:|")
for name, gen in rows():
    configs = [gen() for _ in range(PER_ROW)]
    with ThreadPoolExecutor(2) as pool:
        olds = list(pool.map(lambda c: evaluate(OLD, c), configs))
        news = list(pool.map(lambda c: evaluate(NEW, c), configs))
    total = differ = one = worst = 0
    for o, n in zip(olds, news):
        assert len(o) == len(n)
        for a, b in zip(o, n):
            total += 1
            if a != b:
                differ += 1
                d = abs(bits(a) - bits(b))
                one += d == 1
                worst = max(worst, d)
    print(f"| {name} | {total:,} | {differ:,} | {100.0 * differ / total:.3f}% | {one:,} | {worst:,} |", flush=True)
