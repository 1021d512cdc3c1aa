namespace LrDecay.Tests.ClosedForm;

/// <summary>
/// The products that replace the divisions of the phase fraction, against the division form of the definition: around every
/// phase end, at whole phase ends, and in <see cref="ScheduleExtensions.Fill"/>.
/// </summary>
public sealed partial class OneCycleScheduleTests
{
    public static TheoryData<long, double, AnnealStrategy, bool> OneCycleShapes() => new()
    {
        { 60, 0.2, AnnealStrategy.Cosine, false },
        { 100_000, 0.3, AnnealStrategy.Cosine, false },
        { 97, 0.3, AnnealStrategy.Cosine, true },
        { 90, 0.35, AnnealStrategy.Linear, true },
        { 1_001, 0.25, AnnealStrategy.Linear, false },
        { 7, 0.9, AnnealStrategy.Cosine, false },
        { 10, 0.05, AnnealStrategy.Cosine, false },
        { 1L << 40, 0.3, AnnealStrategy.Cosine, true },
        { long.MaxValue, 0.3, AnnealStrategy.Linear, false },
    };

    [Theory]
    [MemberData(nameof(OneCycleShapes))]
    public void OneCycle_AroundPhaseBoundaries_MatchesTheDivisionForm(long totalSteps, double pctStart, AnnealStrategy anneal, bool threePhase)
    {
        var schedule = new OneCycleSchedule(0.1, totalSteps, pctStart, anneal, threePhase: threePhase);
        double initialLr = 0.1 / 25.0;
        double minLr = initialLr / 1e4;
        double[] ends = threePhase
            ? [(pctStart * totalSteps) - 1.0, (2 * pctStart * totalSteps) - 2.0, totalSteps - 1.0]
            : [(pctStart * totalSteps) - 1.0, totalSteps - 1.0];
        double[] startLrs = threePhase ? [initialLr, 0.1, initialLr] : [initialLr, 0.1];
        double[] endLrs = threePhase ? [0.1, initialLr, minLr] : [0.1, minLr];

        var steps = new List<long> { 0, 1, 2, totalSteps - 2, totalSteps - 1, long.MaxValue };
        if (totalSteps < long.MaxValue)
        {
            steps.AddRange([totalSteps, totalSteps + 1]);
        }

        foreach (double end in ends)
        {
            long floor = (long)Math.Floor(end);
            steps.AddRange([floor - 2, floor - 1, floor, floor + 1, floor + 2]);
        }

        foreach (long step in steps.Where(s => s >= 0))
        {
            double t = step >= totalSteps ? totalSteps - 1 : step;
            int i = 0;
            double start = 0.0;
            while (i < ends.Length - 1 && t > ends[i])
            {
                start = ends[i];
                i++;
            }

            double pct = (t - start) / (ends[i] - start);
            double expected = anneal == AnnealStrategy.Cosine
                ? endLrs[i] + ((startLrs[i] - endLrs[i]) / 2.0 * (Math.Cos(Math.PI * pct) + 1.0))
                : ((endLrs[i] - startLrs[i]) * pct) + startLrs[i];
            // Relative to the phase's larger end: near a small end rate both forms lose the same digits to the subtraction.
            double scale = Math.Max(startLrs[i], endLrs[i]);
            schedule.GetLearningRate(step).Should().BeApproximately(expected, 1e-14 * scale, $"step {step} (phase {i})");
        }
    }

    [Theory]
    [InlineData(AnnealStrategy.Cosine)]
    [InlineData(AnnealStrategy.Linear)]
    public void OneCycle_AtWholePhaseEnds_HitsTheEndRates(AnnealStrategy anneal)
    {
        // pctStart 0.25 of 100 steps: the phases end at steps 24, 48 (three-phase) and 99 exactly.
        const double Initial = 0.1 / 25.0;
        const double Final = Initial / 1e4;
        var twoPhase = new OneCycleSchedule(0.1, 100, 0.25, anneal);
        twoPhase.GetLearningRate(0).Should().BeApproximately(Initial, 1e-15 * 0.1);
        twoPhase.GetLearningRate(24).Should().BeApproximately(0.1, 1e-15 * 0.1);
        twoPhase.GetLearningRate(99).Should().BeApproximately(Final, 1e-15 * 0.1);
        twoPhase.GetLearningRate(long.MaxValue).Should().Be(twoPhase.GetLearningRate(99));

        var threePhase = new OneCycleSchedule(0.1, 100, 0.25, anneal, threePhase: true);
        threePhase.GetLearningRate(0).Should().BeApproximately(Initial, 1e-15 * 0.1);
        threePhase.GetLearningRate(24).Should().BeApproximately(0.1, 1e-15 * 0.1);
        threePhase.GetLearningRate(48).Should().BeApproximately(Initial, 1e-15 * 0.1);
        threePhase.GetLearningRate(99).Should().BeApproximately(Final, 1e-15 * Initial);
    }

    [Fact]
    public void OneCycle_Fill_MatchesGetLearningRate()
    {
        foreach (AnnealStrategy anneal in new[] { AnnealStrategy.Cosine, AnnealStrategy.Linear })
        {
            foreach (bool threePhase in new[] { false, true })
            {
                var schedule = new OneCycleSchedule(0.1, 1_003, 0.27, anneal, threePhase: threePhase);
                var buffer = new double[1_100];
                schedule.Fill(0, buffer);
                for (int i = 0; i < buffer.Length; i++)
                {
                    BitConverter.DoubleToInt64Bits(buffer[i]).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(i)), $"step {i}");
                }
            }
        }
    }
}
