using System.Globalization;
using FsCheck.Xunit;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Properties;

/// <summary>Properties every valid config keeps, over random configs of every type and random steps in [0, long.MaxValue].</summary>
[Properties(Arbitrary = [typeof(ScheduleArbitraries)], MaxTest = 300, Replay = PropertySettings.Replay, QuietOnSuccess = true)]
public sealed class ScheduleProperties
{
    /// <summary>
    /// Slack for the implied bounds, relative to the largest rate of the config: the formulas round (<c>minLr + (initialLr - minLr)</c>
    /// cancels when minLr is far above initialLr), the bounds are exact.
    /// </summary>
    private const double RelTol = 1e-12;

    [Property]
    public void GetLearningRate_AnyStep_IsFiniteAndNonNegative(GeneratedConfig config, StepSet steps)
    {
        ILearningRateSchedule schedule = config.Build();
        foreach (long step in steps.Steps)
        {
            double lr = schedule.GetLearningRate(step);
            if (!double.IsFinite(lr) || !(lr >= 0.0))
            {
                throw new InvalidOperationException($"lr({step}) = {Show(lr)} for {config.Text}");
            }
        }
    }

    [Property]
    public void GetLearningRate_AnyStep_StaysWithinImpliedBounds(GeneratedConfig config, StepSet steps)
    {
        ILearningRateSchedule schedule = config.Build();
        double lo = config.Lo - (RelTol * config.Hi);
        double hi = config.Hi * (1 + RelTol);
        foreach (long step in steps.Steps)
        {
            double lr = schedule.GetLearningRate(step);
            if (!(lr >= lo && lr <= hi))
            {
                throw new InvalidOperationException($"lr({step}) = {Show(lr)} outside [{Show(config.Lo)}, {Show(config.Hi)}] for {config.Text}");
            }
        }
    }

    [Property]
    public void GetLearningRate_DecayingFamilies_NeverRise(DecayingConfig decaying, StepSet steps)
    {
        GeneratedConfig config = decaying.Config;
        ILearningRateSchedule schedule = config.Build();
        long[] sorted = steps.Steps.Append(0).Order().ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            // Each random step, the one after it, and the next random step.
            long t = sorted[i];
            double lr = schedule.GetLearningRate(t);
            if (t < long.MaxValue)
            {
                CheckNotAbove(schedule.GetLearningRate(t + 1), t + 1, lr, t);
            }

            if (i + 1 < sorted.Length)
            {
                CheckNotAbove(schedule.GetLearningRate(sorted[i + 1]), sorted[i + 1], lr, t);
            }
        }

        void CheckNotAbove(double later, long laterStep, double earlier, long earlierStep)
        {
            if (later > earlier)
            {
                throw new InvalidOperationException(
                    $"lr({laterStep}) = {Show(later)} > lr({earlierStep}) = {Show(earlier)} for {config.Text}");
            }
        }
    }

    [Property]
    public void ParseSerialize_RoundTrip_IsBitIdentical(GeneratedConfig config, StepSet steps)
    {
        ILearningRateSchedule first = config.Build();
        string json = ScheduleJson.Serialize(first);
        ILearningRateSchedule second = ScheduleJson.Parse(json);
        string again = ScheduleJson.Serialize(second);
        if (again != json)
        {
            throw new InvalidOperationException($"serialize is not stable: {json} then {again}");
        }

        foreach (long step in steps.Steps.Append(0))
        {
            double a = first.GetLearningRate(step);
            double b = second.GetLearningRate(step);
            if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b))
            {
                throw new InvalidOperationException($"lr({step}) = {Show(a)} before and {Show(b)} after the round trip of {config.Text} via {json}");
            }
        }
    }

    [Property]
    public void Fill_AnyRange_EqualsPointwise(GeneratedConfig config, StepSet steps)
    {
        ILearningRateSchedule schedule = config.Build();
        var buffer = new double[17];
        foreach (long first in steps.Steps.Take(4))
        {
            long start = Math.Min(first, long.MaxValue - (buffer.Length - 1));
            schedule.Fill(start, buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                double expected = schedule.GetLearningRate(start + i);
                if (!(Math.Abs(buffer[i] - expected) <= 1e-14 * Math.Abs(expected)))
                {
                    throw new InvalidOperationException($"Fill[{start + i}] = {Show(buffer[i])}, lr = {Show(expected)} for {config.Text}");
                }
            }
        }
    }

    [Fact]
    public void Generator_CoversEveryType()
    {
        var r = new Random(20261122);
        var seen = new HashSet<string>();
        for (int i = 0; i < 3_000; i++)
        {
            Collect(RandomConfigs.Any(r, ScheduleArbitraries.Depth).Json);
        }

        seen.Should().BeEquivalentTo(ScheduleJson.Types.Select(t => t.Name), "the generator reaches every type of the catalog");

        void Collect(System.Text.Json.Nodes.JsonNode? node)
        {
            if (node is System.Text.Json.Nodes.JsonObject o)
            {
                if (o["type"] is { } type)
                {
                    seen.Add((string)type!);
                }

                foreach (KeyValuePair<string, System.Text.Json.Nodes.JsonNode?> p in o)
                {
                    Collect(p.Value);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray a)
            {
                foreach (System.Text.Json.Nodes.JsonNode? item in a)
                {
                    Collect(item);
                }
            }
        }
    }

    internal static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
