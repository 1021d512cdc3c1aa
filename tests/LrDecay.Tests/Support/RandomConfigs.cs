using System.Globalization;
using System.Text.Json.Nodes;

namespace LrDecay.Tests.Support;

/// <summary>
/// Random valid configs for every JSON type of the spec, within its ranges, composites nested up to a given depth. Each comes with the
/// bounds its learning rate must keep and whether it may rise. Deterministic for a given <see cref="Random"/> seed; FsCheck picks the
/// seed (see <see cref="ScheduleArbitraries"/>), so a failure replays from FsCheck's seed.
/// </summary>
public static class RandomConfigs
{
    /// <summary>The closed forms of the library's catalog (<see cref="ScheduleJson.Types"/>), in its order; each needs a case below.</summary>
    public static readonly string[] ClosedFormTypes =
        ScheduleJson.Types.Where(t => t.Kind == ScheduleKind.ClosedForm).Select(t => t.Name).ToArray();

    /// <summary>The composites and metric-driven types of the catalog, in its order; each needs a case below.</summary>
    public static readonly string[] CompositeTypes =
        ScheduleJson.Types.Where(t => t.Kind != ScheduleKind.ClosedForm).Select(t => t.Name).ToArray();

    /// <summary>A random valid config: a closed form, or a composite whose children are nested up to <paramref name="depth"/> levels.</summary>
    public static GeneratedConfig Any(Random r, int depth)
    {
        if (depth <= 0 || r.Next(5) < 2)
        {
            return ClosedForm(r, ClosedFormTypes[r.Next(ClosedFormTypes.Length)]);
        }

        return Composite(r, CompositeTypes[r.Next(CompositeTypes.Length)], depth);
    }

    /// <summary>
    /// A seed from <paramref name="text"/> that is the same in every process (FNV-1a over its characters), unlike
    /// <see cref="string.GetHashCode()"/>, which .NET randomises per process.
    /// </summary>
    public static int StableSeed(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)hash;
    }

    /// <summary>A random valid config of one given type (composites get children up to <paramref name="depth"/> - 1 levels).</summary>
    public static GeneratedConfig OfType(Random r, string type, int depth = 2) =>
        Array.IndexOf(ClosedFormTypes, type) >= 0 ? ClosedForm(r, type) : Composite(r, type, Math.Max(1, depth));

    public static GeneratedConfig ClosedForm(Random r, string type)
    {
        var o = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "constant":
            {
                double lr = Lr(r);
                o["lr"] = lr;
                return new GeneratedConfig(o, lr, lr, Trend.NonIncreasing);
            }

            case "step":
            {
                double lr = Lr(r);
                double gamma = UnitInterval(r);
                o["initialLr"] = lr;
                o["stepSize"] = PositiveSteps(r);
                o["gamma"] = gamma;
                return new GeneratedConfig(o, 0.0, lr, Trend.NonIncreasing);
            }

            case "multiStep":
            {
                double lr = Lr(r);
                o["initialLr"] = lr;
                o["milestones"] = StepsArray(IncreasingSteps(r, r.Next(0, 6)));
                o["gamma"] = UnitInterval(r);
                return new GeneratedConfig(o, 0.0, lr, Trend.NonIncreasing);
            }

            case "piecewiseConstant":
            {
                long[] boundaries = IncreasingSteps(r, r.Next(0, 6));
                double[] values = Enumerable.Range(0, boundaries.Length + 1).Select(_ => Lr(r)).ToArray();
                bool sorted = r.Next(2) == 0;
                if (sorted)
                {
                    Array.Sort(values);
                    Array.Reverse(values);
                }

                o["boundaries"] = StepsArray(boundaries);
                o["values"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                return new GeneratedConfig(o, values.Min(), values.Max(), sorted ? Trend.NonIncreasing : Trend.Any);
            }

            case "exponential":
            case "inverseTime":
            {
                double lr = Lr(r);
                o["initialLr"] = lr;
                o["decayRate"] = type == "exponential" ? UnitInterval(r) : NonNegativeRate(r);
                Maybe(r, o, "decaySteps", () => PositiveSteps(r));
                Maybe(r, o, "staircase", () => r.Next(2) == 0);
                return MaybeFloat32(r, o, 0.0, lr, Trend.NonIncreasing);
            }

            case "polynomial":
            {
                double lr = Lr(r);
                double end = r.Next(3) == 0 ? 0.0 : Lr(r);
                bool cycle = r.Next(3) == 0;
                o["initialLr"] = lr;
                o["decaySteps"] = PositiveSteps(r);
                if (end != 0.0 || r.Next(2) == 0)
                {
                    o["endLr"] = end;
                }

                Maybe(r, o, "power", () => Power(r));
                if (cycle || r.Next(2) == 0)
                {
                    o["cycle"] = cycle;
                }

                return MaybeFloat32(r, o, Math.Min(lr, end), Math.Max(lr, end), !cycle && end <= lr ? Trend.NonIncreasing : Trend.Any);
            }

            case "cosine":
            {
                double lr = Lr(r);
                double min = r.Next(3) == 0 ? 0.0 : Lr(r);
                o["initialLr"] = lr;
                o["decaySteps"] = PositiveSteps(r);
                if (min != 0.0 || r.Next(2) == 0)
                {
                    o["minLr"] = min;
                }

                Maybe(r, o, "kDecay", () => Power(r));

                // float32 goes only with Keras's own properties.
                return o.ContainsKey("kDecay")
                    ? new GeneratedConfig(o, Math.Min(lr, min), Math.Max(lr, min), min <= lr ? Trend.NonIncreasing : Trend.Any)
                    : MaybeFloat32(r, o, Math.Min(lr, min), Math.Max(lr, min), min <= lr ? Trend.NonIncreasing : Trend.Any);
            }

            case "cosineRestarts":
            {
                double lr = Lr(r);
                double min = r.Next(3) == 0 ? 0.0 : Lr(r);
                o["initialLr"] = lr;
                o["firstDecaySteps"] = PositiveSteps(r);
                Maybe(r, o, "tMul", () => TMul(r));
                Maybe(r, o, "mMul", () => UnitInterval(r));
                if (min != 0.0 || r.Next(2) == 0)
                {
                    o["minLr"] = min;
                }

                Maybe(r, o, "kDecay", () => Power(r));
                Maybe(r, o, "cycleLimit", () => r.Next(4) == 0 ? new[] { 0L, 1L, 64L, 1024L, long.MaxValue }[r.Next(5)] : r.Next(1, 10));
                Maybe(r, o, "mMulMode", () => r.Next(2) == 0 ? "range" : "peak");

                // float32 goes only with Keras's own properties.
                return o.ContainsKey("kDecay") || o.ContainsKey("cycleLimit") || o.ContainsKey("mMulMode")
                    ? new GeneratedConfig(o, Math.Min(lr, min), Math.Max(lr, min), Trend.Any)
                    : MaybeFloat32(r, o, Math.Min(lr, min), Math.Max(lr, min), Trend.Any);
            }

            case "linear":
            {
                double start = Lr(r);
                double end = Lr(r);
                o["startLr"] = start;
                o["endLr"] = end;
                o["totalSteps"] = PositiveSteps(r);
                return new GeneratedConfig(o, Math.Min(start, end), Math.Max(start, end), end <= start ? Trend.NonIncreasing : Trend.Any);
            }

            case "oneCycle":
                return OneCycle(r, o);

            case "cyclic":
            {
                double baseLr = Lr(r);
                double maxLr = Lr(r);
                string mode = new[] { "triangular", "triangular2", "expRange" }[r.Next(3)];
                o["baseLr"] = baseLr;
                o["maxLr"] = maxLr;
                Maybe(r, o, "stepSizeUp", () => PositiveSteps(r) % (1L << 61) + 1);
                Maybe(r, o, "stepSizeDown", () => PositiveSteps(r) % (1L << 61) + 1);
                if (mode != "triangular" || r.Next(2) == 0)
                {
                    o["mode"] = mode;
                }

                Maybe(r, o, "gamma", () => mode == "expRange" ? UnitInterval(r) : r.Next(2) == 0 ? UnitInterval(r) : Decimal(r, 0, 3));
                return new GeneratedConfig(o, Math.Min(baseLr, maxLr), Math.Max(baseLr, maxLr), Trend.Any);
            }

            case "inverseSqrt":
            {
                double lr = Lr(r);
                long warmup = r.Next(3) == 0 ? 0 : NonNegativeSteps(r);
                o["initialLr"] = lr;
                if (warmup != 0 || r.Next(2) == 0)
                {
                    o["warmupSteps"] = warmup;
                }

                Maybe(r, o, "timescale", () => PositiveSteps(r));
                Maybe(r, o, "power", () => Power(r));
                return new GeneratedConfig(o, 0.0, lr, warmup == 0 ? Trend.NonIncreasing : Trend.Any);
            }

            case "warmupStableDecay":
            {
                double lr = Lr(r);
                double ratio = r.Next(3) == 0 ? 0.0 : r.Next(4) == 0 ? 1.0 : r.NextDouble();
                long warmup = r.Next(3) == 0 ? 0 : NonNegativeSteps(r) % (1L << 60);
                o["initialLr"] = lr;
                o["warmupSteps"] = warmup;
                o["stableSteps"] = NonNegativeSteps(r) % (1L << 60);
                o["decaySteps"] = PositiveSteps(r) % (1L << 60) + 1;
                if (ratio != 0.0 || r.Next(2) == 0)
                {
                    o["minLrRatio"] = ratio;
                }

                string[] shapes = ["linear", "cosine", "1-sqrt"];
                Maybe(r, o, "warmupShape", () => shapes[r.Next(3)]);
                Maybe(r, o, "decayShape", () => shapes[r.Next(3)]);
                return new GeneratedConfig(o, lr * ratio, lr, warmup == 0 ? Trend.NonIncreasing : Trend.Any);
            }

            case "piecewiseLinear":
            {
                long[] steps = IncreasingSteps(r, r.Next(1, 6));
                if (r.Next(2) == 0)
                {
                    // A first knot at step 0, as optax has it.
                    long first = steps[0];
                    steps = steps.Select(s => s - first).ToArray();
                }

                double[] values = steps.Select(_ => Lr(r)).ToArray();
                o["steps"] = StepsArray(steps);
                o["values"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
                Maybe(r, o, "interpolation", () => r.Next(2) == 0 ? "linear" : "cosine");

                // Rounding can put a step just before a knot a little below the knot's value, so even falling knots promise no trend.
                return new GeneratedConfig(o, values.Min(), values.Max(), Trend.Any);
            }

            case "rex":
            {
                double lr = Lr(r);
                double min = r.Next(3) == 0 ? 0.0 : lr * UnitInterval(r);
                long total = PositiveSteps(r);
                o["initialLr"] = lr;
                o["totalSteps"] = total;
                if (min != 0.0 || r.Next(2) == 0)
                {
                    o["minLr"] = min;
                }

                // Falling in exact arithmetic; with steps a millionth of the run apart or more, rounding cannot reverse a step.
                return new GeneratedConfig(o, min, lr, total <= 1_000_000 ? Trend.NonIncreasing : Trend.Any);
            }

            case "tanh":
            {
                double lr = Lr(r);
                double min = r.Next(3) == 0 ? 0.0 : lr * UnitInterval(r);
                long total = PositiveSteps(r);
                o["initialLr"] = lr;
                o["decaySteps"] = total;
                if (min != 0.0 || r.Next(2) == 0)
                {
                    o["minLr"] = min;
                }

                double warmupStart = 0.0;
                if (r.Next(3) == 0)
                {
                    o["warmupSteps"] = r.Next(0, 100);
                    warmupStart = r.Next(2) == 0 ? 0.0 : lr * UnitInterval(r);
                    o["warmupStartLr"] = warmupStart;
                }

                // tanh rises from lb to ub: the rate falls from near initialLr towards minLr; a warm-up may rise first.
                return new GeneratedConfig(o, Math.Min(min, warmupStart), Math.Max(lr, warmupStart), Trend.Any);
            }

            case "rangeTest":
            {
                string mode = r.Next(2) == 0 ? "exponential" : "linear";
                double start;
                double end;
                do
                {
                    start = Lr(r);
                    end = r.Next(3) == 0 ? Lr(r) : start * Decimal(r, 0, 8);
                }
                while (!(start > 0.0) || !(end > start) || double.IsInfinity(end) || (mode == "exponential" && double.IsInfinity(end / start)));

                o["startLr"] = start;
                o["endLr"] = end;
                o["steps"] = PositiveSteps(r);
                if (mode != "exponential" || r.Next(2) == 0)
                {
                    o["mode"] = mode;
                }

                return new GeneratedConfig(o, start, end, Trend.Any);
            }

            case "oneCycleMomentum":
            {
                (double baseMomentum, double maxMomentum) = Momenta(r);
                long total;
                double pct;
                do
                {
                    total = PositiveSteps(r);
                    pct = r.Next(3) == 0 ? 0.3 : OpenUnit(r);
                }
                while (pct * total == 1.0);

                o["totalSteps"] = total;
                if (pct != 0.3 || r.Next(2) == 0)
                {
                    o["pctStart"] = pct;
                }

                Maybe(r, o, "annealStrategy", () => r.Next(2) == 0 ? "cos" : "linear");
                Maybe(r, o, "threePhase", () => r.Next(2) == 0);
                o["baseMomentum"] = baseMomentum;
                o["maxMomentum"] = maxMomentum;
                return new GeneratedConfig(o, baseMomentum, maxMomentum, Trend.Any);
            }

            case "cyclicMomentum":
            {
                (double baseMomentum, double maxMomentum) = Momenta(r);
                string mode = new[] { "triangular", "triangular2", "expRange" }[r.Next(3)];
                o["baseMomentum"] = baseMomentum;
                o["maxMomentum"] = maxMomentum;
                Maybe(r, o, "stepSizeUp", () => PositiveSteps(r) % (1L << 61) + 1);
                Maybe(r, o, "stepSizeDown", () => PositiveSteps(r) % (1L << 61) + 1);
                if (mode != "triangular" || r.Next(2) == 0)
                {
                    o["mode"] = mode;
                }

                Maybe(r, o, "gamma", () => mode == "expRange" ? UnitInterval(r) : r.Next(2) == 0 ? UnitInterval(r) : Decimal(r, 0, 3));
                return new GeneratedConfig(o, baseMomentum, maxMomentum, Trend.Any);
            }

            default:
                throw new ArgumentException($"no random-config generator for the closed form '{type}': add its case to RandomConfigs.ClosedForm", nameof(type));
        }
    }

    private static GeneratedConfig OneCycle(Random r, JsonObject o)
    {
        while (true)
        {
            double maxLr = Lr(r);
            long total = PositiveSteps(r);
            double pct = r.Next(3) == 0 ? 0.3 : OpenUnit(r);
            double div = r.Next(3) == 0 ? 25.0 : Decimal(r, -2, 4);
            double finalDiv = r.Next(3) == 0 ? 1e4 : Decimal(r, -2, 6);
            double initial = maxLr / div;
            double final = initial / finalDiv;
            if (pct * total == 1.0 || !double.IsFinite(initial) || !double.IsFinite(final))
            {
                continue;
            }

            o["maxLr"] = maxLr;
            o["totalSteps"] = total;
            if (pct != 0.3 || r.Next(2) == 0)
            {
                o["pctStart"] = pct;
            }

            Maybe(r, o, "annealStrategy", () => r.Next(2) == 0 ? "cos" : "linear");
            if (div != 25.0 || r.Next(2) == 0)
            {
                o["divFactor"] = div;
            }

            if (finalDiv != 1e4 || r.Next(2) == 0)
            {
                o["finalDivFactor"] = finalDiv;
            }

            Maybe(r, o, "threePhase", () => r.Next(2) == 0);
            double lo = Math.Min(maxLr, Math.Min(initial, final));
            double hi = Math.Max(maxLr, Math.Max(initial, final));
            return new GeneratedConfig(o, lo, hi, Trend.Any);
        }
    }

    public static GeneratedConfig Composite(Random r, string type, int depth)
    {
        var o = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "warmup":
            {
                GeneratedConfig inner = Any(r, depth - 1);
                double start = r.Next(3) == 0 ? 0.0 : Lr(r);
                o["warmupSteps"] = PositiveSteps(r);
                if (start != 0.0 || r.Next(2) == 0)
                {
                    o["startLr"] = start;
                }

                Maybe(r, o, "shape", () => new[] { "linear", "cosine", "1-sqrt" }[r.Next(3)]);
                Maybe(r, o, "prefix", () => r.Next(2) == 0);
                o["schedule"] = inner.CloneJson();
                return new GeneratedConfig(o, Math.Min(start, inner.Lo), Math.Max(start, inner.Hi), Trend.Any);
            }

            case "cooldown":
            {
                GeneratedConfig inner = Any(r, depth - 1);
                double end = r.Next(3) == 0 ? 0.0 : Lr(r);
                o["startStep"] = NonNegativeSteps(r);
                o["decaySteps"] = PositiveSteps(r);
                string shape = new[] { "1-sqrt", "linear", "cosine", "power", "exp" }[r.Next(5)];
                if (shape != "1-sqrt" || r.Next(2) == 0)
                {
                    o["shape"] = shape;
                }

                if (shape == "power")
                {
                    Maybe(r, o, "power", () => Power(r));
                }
                else if (shape == "exp")
                {
                    Maybe(r, o, "ratio", () => OpenUnit(r));
                }

                if (end != 0.0 || r.Next(2) == 0)
                {
                    o["endLr"] = end;
                }

                o["schedule"] = inner.CloneJson();

                // After startStep the rate lies between endLr and max(inner(t), endLr); it falls with the inner schedule as long as the
                // inner rate never goes below endLr (else the cool-down lifts it to endLr when it starts).
                bool falls = inner.Trend == Trend.NonIncreasing && end <= inner.Lo;
                return new GeneratedConfig(o, Math.Min(end, inner.Lo), Math.Max(end, inner.Hi), falls ? Trend.NonIncreasing : Trend.Any);
            }

            case "sequence":
            {
                GeneratedConfig[] children = Enumerable.Range(0, r.Next(1, 4)).Select(_ => Any(r, depth - 1)).ToArray();
                o["schedules"] = new JsonArray(children.Select(c => (JsonNode?)c.CloneJson()).ToArray());
                if (children.Length > 1 || r.Next(2) == 0)
                {
                    o["boundaries"] = StepsArray(IncreasingSteps(r, children.Length - 1));
                }

                return new GeneratedConfig(o, children.Min(c => c.Lo), children.Max(c => c.Hi), Trend.Any);
            }

            case "chain":
            {
                while (true)
                {
                    GeneratedConfig first = Any(r, depth - 1);
                    var children = new List<GeneratedConfig> { first };
                    double lo = first.Lo;
                    double hi = first.Hi;
                    bool nonIncreasing = first.Trend == Trend.NonIncreasing;
                    int factors = r.Next(0, 3);
                    for (int i = 0; i < factors; i++)
                    {
                        GeneratedConfig factor = Any(r, depth - 1);
                        double start = factor.Build().GetLearningRate(0);
                        if (!(start > 0.0))
                        {
                            continue;
                        }

                        children.Add(factor);
                        lo *= factor.Lo / start;
                        hi *= factor.Hi / start;
                        nonIncreasing &= factor.Trend == Trend.NonIncreasing;
                    }

                    // A chain whose product could overflow is not a valid config; keep well inside the range, by this generator's
                    // bounds and by the library's own (which it judges from the settings alone, so it can be looser).
                    if (!(hi <= 1e300) || !(LrDecay.Internal.Bounds.ChainMax(children.Select(c => c.Build()).ToArray()) <= 1e300))
                    {
                        continue;
                    }

                    o["schedules"] = new JsonArray(children.Select(c => (JsonNode?)c.CloneJson()).ToArray());
                    return new GeneratedConfig(o, lo, hi, nonIncreasing ? Trend.NonIncreasing : Trend.Any);
                }
            }

            case "scale":
            {
                while (true)
                {
                    GeneratedConfig inner = Any(r, depth - 1);
                    double factor = r.Next(4) == 0 ? 1.0 : Decimal(r, -3, 3);
                    if (!(inner.Hi * factor <= 1e300) || !(LrDecay.Internal.Bounds.Max(inner.Build()) * factor <= 1e300))
                    {
                        continue;
                    }

                    o["factor"] = factor;
                    o["schedule"] = inner.CloneJson();
                    return new GeneratedConfig(o, inner.Lo * factor, inner.Hi * factor, inner.Trend);
                }
            }

            case "clamp":
            {
                GeneratedConfig inner = Any(r, depth - 1);
                double a = r.Next(3) == 0 ? 0.0 : Lr(r);
                double b = Lr(r);
                double min = Math.Min(a, b);
                double max = r.Next(3) == 0 ? double.PositiveInfinity : Math.Max(a, b);
                if (min != 0.0 || r.Next(2) == 0)
                {
                    o["minLr"] = min;
                }

                if (!double.IsPositiveInfinity(max))
                {
                    o["maxLr"] = max;
                }

                o["schedule"] = inner.CloneJson();
                return new GeneratedConfig(
                    o,
                    Math.Min(Math.Max(inner.Lo, min), max),
                    Math.Min(Math.Max(inner.Hi, min), max),
                    inner.Trend);
            }

            case "perEpoch":
            {
                GeneratedConfig inner = Any(r, depth - 1);
                o["stepsPerEpoch"] = PositiveSteps(r);
                o["schedule"] = inner.CloneJson();
                return new GeneratedConfig(o, inner.Lo, inner.Hi, inner.Trend);
            }

            case "plateau":
            {
                double lo;
                double hi;
                Trend trend;
                if (r.Next(2) == 0)
                {
                    double lr = Lr(r);
                    o["initialLr"] = lr;
                    (lo, hi, trend) = (lr, lr, Trend.NonIncreasing);
                }
                else
                {
                    GeneratedConfig inner = Any(r, depth - 1);
                    o["schedule"] = inner.CloneJson();
                    (lo, hi, trend) = (inner.Lo, inner.Hi, inner.Trend);
                }

                double minLr = AddPlateauOptions(r, o);

                // Before any metric a constant base gives initialLr itself (even below minLr, as PyTorch and Keras do);
                // a schedule base is clamped at minLr.
                return o.ContainsKey("initialLr")
                    ? new GeneratedConfig(o, lo, hi, trend)
                    : new GeneratedConfig(o, Math.Max(lo, minLr), Math.Max(hi, minLr), trend);
            }

            default:
                throw new ArgumentException($"no random-config generator for '{type}': add its case to RandomConfigs.Composite", nameof(type));
        }
    }

    /// <summary>Random plateau settings (each sometimes left to its default); returns minLr.</summary>
    public static double AddPlateauOptions(Random r, JsonObject o)
    {
        bool keras = r.Next(3) == 0;
        double minLr = r.Next(2) == 0 ? 0.0 : Lr(r) * 1e-3;
        Maybe(r, o, "mode", () => r.Next(2) == 0 ? "min" : "max");
        Maybe(r, o, "factor", () => OpenUnit(r));
        Maybe(r, o, "patience", () => (long)r.Next(0, 6));
        Maybe(r, o, "threshold", () => r.Next(3) == 0 ? 0.0 : Decimal(r, -6, -1));
        if (keras)
        {
            o["compat"] = "keras";
            Maybe(r, o, "thresholdMode", () => "abs");
        }
        else
        {
            Maybe(r, o, "compat", () => "pytorch");
            Maybe(r, o, "thresholdMode", () => r.Next(2) == 0 ? "rel" : "abs");
        }

        Maybe(r, o, "cooldown", () => (long)r.Next(0, 4));
        if (minLr != 0.0 || r.Next(2) == 0)
        {
            o["minLr"] = minLr;
        }

        Maybe(r, o, "eps", () => r.Next(3) == 0 ? 0.0 : Decimal(r, -12, -6));
        return minLr;
    }

    /// <summary>
    /// The config of a Keras-style closed form, sometimes with <c>"precision": "float32"</c> (when its numbers are of ordinary size, so
    /// that they and <c>minLr / initialLr</c> are float32 values) with its bounds widened by a few float32 roundings, sometimes with an
    /// explicit <c>"float64"</c>.
    /// </summary>
    private static GeneratedConfig MaybeFloat32(Random r, JsonObject o, double lo, double hi, Trend trend)
    {
        bool ordinary = o.Select(p => p.Value).OfType<JsonValue>()
            .All(v => !v.TryGetValue(out double d) || d == 0.0 || (Math.Abs(d) >= 1e-15 && Math.Abs(d) <= 1e15));
        bool alphaDefined = !(o["initialLr"]!.GetValue<double>() == 0.0 && o["minLr"] is JsonNode min && min.GetValue<double>() != 0.0);
        switch (r.Next(4))
        {
            case 0 when ordinary && alphaDefined:
                o["precision"] = "float32";
                return new GeneratedConfig(o, lo * (1 - 1e-6), hi * (1 + 1e-6), trend);
            case 1:
                o["precision"] = "float64";
                break;
        }

        return new GeneratedConfig(o, lo, hi, trend);
    }

    // ---- values within the spec's ranges -------------------------------------------------------------------------------

    /// <summary>A learning rate: finite and >= 0; mostly ordinary, sometimes 0, subnormal or near <see cref="double.MaxValue"/>.</summary>
    public static double Lr(Random r) => r.Next(20) switch
    {
        0 => 0.0,
        1 => new[] { double.Epsilon, 1e-300, 1e-200, 1e200, 1e300, 1e308, double.MaxValue }[r.Next(7)],
        _ => Decimal(r, -8, 1),
    };

    /// <summary>In (0, 1].</summary>
    public static double UnitInterval(Random r) => r.Next(10) switch
    {
        0 => 1.0,
        1 => new[] { double.Epsilon, 1e-300, 1e-10, 0.9999999999999999 }[r.Next(4)],
        _ => r.Next(1, 1000) / 1000.0,
    };

    /// <summary>In (0, 1).</summary>
    public static double OpenUnit(Random r) => r.Next(10) switch
    {
        0 => new[] { double.Epsilon, 1e-12, 0.9999999999999999 }[r.Next(3)],
        _ => r.Next(1, 1000) / 1000.0,
    };

    /// <summary>A momentum pair <c>0 &lt;= baseMomentum &lt;= maxMomentum</c>: mostly PyTorch-like, sometimes equal or extreme.</summary>
    private static (double BaseMomentum, double MaxMomentum) Momenta(Random r)
    {
        double a = r.Next(3) == 0 ? Lr(r) : r.Next(0, 1000) / 1000.0;
        double b = r.Next(6) == 0 ? a : r.Next(3) == 0 ? Lr(r) : r.Next(0, 1000) / 1000.0;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static double NonNegativeRate(Random r) => r.Next(10) switch
    {
        0 => 0.0,
        1 => new[] { 1e-300, 1e300, double.MaxValue }[r.Next(3)],
        _ => Decimal(r, -4, 2),
    };

    private static double Power(Random r) => r.Next(4) switch
    {
        0 => new[] { 0.5, 1.0, 1.5, 2.0, 3.0, 7.5, 8.0, 8.5, 9.0 }[r.Next(9)],
        1 => new[] { 1e-300, 1e-3, 1e3, 1e300 }[r.Next(4)],
        _ => Decimal(r, -1, 1),
    };

    private static double TMul(Random r) => r.Next(6) switch
    {
        0 => 1.0,
        1 => new[] { 1.0000001, 1.5, 2.5, 1e3, 1e10, 4294967296.0, 1e300 }[r.Next(7)],
        _ => r.Next(1, 6),
    };

    /// <summary><c>m * 10^e</c> written as a short decimal, e in [minExp, maxExp).</summary>
    public static double Decimal(Random r, int minExp, int maxExp) =>
        double.Parse($"{r.Next(1, 10_000)}e{r.Next(minExp, maxExp) - 3}", CultureInfo.InvariantCulture);

    /// <summary>A step count > 0: mostly small, sometimes up to <see cref="long.MaxValue"/>.</summary>
    public static long PositiveSteps(Random r) => r.Next(10) switch
    {
        0 => new[] { 1L, 2L, int.MaxValue, 1L << 53, (1L << 53) + 1, long.MaxValue / 2, long.MaxValue }[r.Next(7)],
        1 => r.NextInt64(1, long.MaxValue),
        2 or 3 => r.NextInt64(1, 1_000_000),
        _ => r.Next(1, 200),
    };

    private static long NonNegativeSteps(Random r) => r.Next(8) == 0 ? 0 : PositiveSteps(r);

    /// <summary>A step in [0, long.MaxValue]: small, around 2^31 and 2^53, or anywhere.</summary>
    public static long Step(Random r) => r.Next(8) switch
    {
        0 => new[] { 0L, 1L, int.MaxValue, (long)int.MaxValue + 1, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, long.MaxValue - 1, long.MaxValue }[r.Next(9)],
        1 => r.NextInt64(0, long.MaxValue) + r.Next(2),
        2 => r.NextInt64(0, 1L << 40),
        3 => r.NextInt64(0, 1_000_000),
        _ => r.Next(0, 2_000),
    };

    /// <summary>Strictly increasing steps, each > 0.</summary>
    public static long[] IncreasingSteps(Random r, int count)
    {
        var result = new long[count];
        long last = 0;
        long room = r.Next(4) == 0 ? long.MaxValue / (count + 1) : 500;
        for (int i = 0; i < count; i++)
        {
            last += r.NextInt64(1, Math.Max(2, room));
            result[i] = last;
        }

        return result;
    }

    private static JsonArray StepsArray(long[] steps) => new(steps.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());

    private static void Maybe<T>(Random r, JsonObject o, string name, Func<T> value)
    {
        if (r.Next(2) == 0)
        {
            o[name] = JsonValue.Create(value());
        }
    }
}
