using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// A negative step is rejected naming the parameter <c>step</c> and its value: by every schedule of the catalog, and by every
/// composite itself, even over a schedule from outside the library that accepts any step.
/// </summary>
public sealed class NegativeStepTests
{
    [Fact]
    public void GetLearningRate_NegativeStep_ThrowsNamingStep()
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in ScheduleCatalog.All)
        {
            Action act = () => create().GetLearningRate(-1);
            act.Should().Throw<ArgumentOutOfRangeException>(name).WithParameterName("step").WithMessage("step ('-1') must be a non-negative value.*");
        }
    }

    public static TheoryData<string, Func<long, double>> Composites()
    {
        var lenient = new Lenient();
        var plateau = new PlateauSchedule(lenient);
        return new()
        {
            { "warmup", s => new WarmupSchedule(lenient, 5).GetLearningRate(s) },
            { "sequence", s => Schedules.Sequence([lenient, lenient], [5]).GetLearningRate(s) },
            { "chain", s => Schedules.Chain(lenient, lenient).GetLearningRate(s) },
            { "scale", s => new ScaleSchedule(lenient, 2.0).GetLearningRate(s) },
            { "clamp", s => new ClampSchedule(lenient, 0.0, 1.0).GetLearningRate(s) },
            { "perEpoch", s => new PerEpochSchedule(lenient, 3).GetLearningRate(s) },
            { "cooldown", s => new CooldownSchedule(lenient, 3, 4).GetLearningRate(s) },
            { "plateau", s => plateau.GetLearningRate(plateau.InitialState, s) },
        };
    }

    [Theory]
    [MemberData(nameof(Composites))]
    public void NegativeStep_OverALenientSchedule_IsRejectedByTheComposite(string name, Func<long, double> lr)
    {
        foreach (long step in new[] { -1L, -7L, long.MinValue })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => lr(step));
            error.ParamName.Should().Be("step", name);
            error.ActualValue.Should().Be(step, name);
        }

        lr(0).Should().BeGreaterThanOrEqualTo(0.0, name);
        lr(6).Should().BeGreaterThan(0.0, name);
    }

    [Fact]
    public void Composites_CoverEveryCompositeOfTheCatalog()
    {
        IEnumerable<string> listed = Composites().Select(row => row.Data.Item1);
        listed.Should().BeEquivalentTo(ScheduleJson.Types.Where(t => t.Kind != ScheduleKind.ClosedForm).Select(t => t.Name));
    }

    /// <summary>A schedule that takes any step, negative ones included.</summary>
    private sealed class Lenient : ILearningRateSchedule
    {
        public double GetLearningRate(long step) => 0.5;
    }
}
