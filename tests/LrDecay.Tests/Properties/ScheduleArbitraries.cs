using FsCheck;
using FsCheck.Fluent;

namespace LrDecay.Tests.Properties;

/// <summary>Steps to evaluate a schedule at: random ones in [0, long.MaxValue] (small, near 2^31, 2^53 and long.MaxValue, or anywhere).</summary>
public sealed class StepSet
{
    public StepSet(long[] steps) => Steps = steps;

    public long[] Steps { get; }

    public override string ToString() => "[" + string.Join(", ", Steps) + "]";
}

/// <summary>A generated config whose learning rate never rises (the decaying families and composites of them).</summary>
public sealed class DecayingConfig
{
    public DecayingConfig(GeneratedConfig config) => Config = config;

    public GeneratedConfig Config { get; }

    public override string ToString() => Config.ToString();
}

/// <summary>
/// FsCheck arbitraries. FsCheck draws a seed and the size; <see cref="RandomConfigs"/> turns them into a config deterministically,
/// so the <c>Replay</c> seed of <see cref="PropertySettings"/> reproduces every run, and a failure prints the config JSON.
/// </summary>
public static class ScheduleArbitraries
{
    /// <summary>How deep composites nest in generated configs.</summary>
    public const int Depth = 3;

    private static readonly Gen<int> Seeds = Gen.Choose(int.MinValue, int.MaxValue);

    public static Arbitrary<GeneratedConfig> Configs() =>
        Arb.From(Seeds.Select(seed => RandomConfigs.Any(new Random(seed), Depth)));

    public static Arbitrary<DecayingConfig> Decaying() =>
        Arb.From(Seeds.Select(seed => new DecayingConfig(NextDecaying(new Random(seed)))));

    public static Arbitrary<StepSet> StepSets() =>
        Arb.From(Seeds.Select(seed =>
        {
            var r = new Random(seed);
            return new StepSet(Enumerable.Range(0, 24).Select(_ => RandomConfigs.Step(r)).ToArray());
        }));

    private static GeneratedConfig NextDecaying(Random r)
    {
        while (true)
        {
            GeneratedConfig config = RandomConfigs.Any(r, Depth);
            if (config.Trend == Trend.NonIncreasing)
            {
                return config;
            }
        }
    }
}

/// <summary>The FsCheck settings shared by the property classes: fixed replay seed, so CI runs are reproducible.</summary>
public static class PropertySettings
{
    /// <summary>Change the seed to explore; paste FsCheck's printed "Replay" here to reproduce a failure.</summary>
    public const string Replay = "(8716238562194563457,12387643212345678901)";
}
