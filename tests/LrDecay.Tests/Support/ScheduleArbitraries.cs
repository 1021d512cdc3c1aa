using FsCheck;
using FsCheck.Fluent;

namespace LrDecay.Tests.Support;

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
