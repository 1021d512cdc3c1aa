using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// <see cref="ScheduleExtensions.Fill"/> against one call per step, for every schedule type: ranges that cross the schedules'
/// boundaries, odd lengths (vector tails), and first steps near 2^53 and <see cref="long.MaxValue"/>.
/// </summary>
public sealed class FillTests
{
    private static readonly int[] Lengths = [1, 3, 4, 5, 31, 1_031];

    public static TheoryData<string> Names() => new(ScheduleCatalog.All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Fill_AnyRange_MatchesGetLearningRate(string name) => AssertEveryRange(name, exact: false);

    /// <summary>Stronger than the 1e-14 bound: the vector kernels round exactly as their scalar forms, so a table equals the calls.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Fill_AnyRange_IsBitIdenticalToGetLearningRate(string name) => AssertEveryRange(name, exact: true);

    [Fact]
    public void Fill_EmptyDestination_DoesNothing()
    {
        foreach (Func<ILearningRateSchedule> create in ScheduleCatalog.All.Values)
        {
            create().Fill(long.MaxValue, Span<double>.Empty);
        }
    }

    [Fact]
    public void Fill_RangePastLongMax_Throws()
    {
        var buffer = new double[3];
        Action act = () => Schedules.Cosine(0.1, 10).Fill(long.MaxValue - 1, buffer);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstStep")
            .Which.Message.Should().StartWith($"firstStep ('{long.MaxValue - 1}') plus 2 steps passes long.MaxValue.");
    }

    [Fact]
    public void Fill_NegativeFirstStep_IsRejectedAsFirstStep()
    {
        // A schedule that takes any step, so the rejection can only come from Fill's own check.
        var buffer = new double[3];
        Action act = () => new AnyStep().Fill(-1, buffer);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstStep");
    }

    [Fact]
    public void Fill_NullSchedule_Throws()
    {
        var buffer = new double[3];
        Action act = () => ((ILearningRateSchedule)null!).Fill(0, buffer);
        act.Should().Throw<ArgumentNullException>().WithParameterName("schedule");
    }

    private static void AssertEveryRange(string name, bool exact)
    {
        ILearningRateSchedule schedule = ScheduleCatalog.All[name]();
        foreach (int length in Lengths)
        {
            foreach (long first in FirstSteps(length))
            {
                if (TestBudget.Reduced && length > 31 && !LongRangeFirstsUnderReducedBudget(first, length))
                {
                    // The long ranges dominate this suite's cost; a mutation run keeps them at a few far and near starts.
                    continue;
                }

                FillAssert.Matches(schedule, first, length, exact);
            }
        }
    }

    private static bool LongRangeFirstsUnderReducedBudget(long first, int length) =>
        first is 0 or 998 or 3_990 || first == (1L << 53) - length || first == long.MaxValue - (length - 1);

    private sealed class AnyStep : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 0.1;
    }

    private static IEnumerable<long> FirstSteps(int length)
    {
        long[] near = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 17, 20, 33, 59, 95, 99, 100, 290, 299, 998, 1_000, 1_001, 3_990, 4_093];
        foreach (long step in near)
        {
            yield return step;
        }

        foreach (long big in new[] { int.MaxValue - 2L, (1L << 52) - 3, (1L << 53) - 5, (1L << 53) - length, (1L << 53) + 7, 1L << 62 })
        {
            yield return big;
        }

        yield return long.MaxValue - (length - 1);
        yield return long.MaxValue - (length + 2);
    }
}
