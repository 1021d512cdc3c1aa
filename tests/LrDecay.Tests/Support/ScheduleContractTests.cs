namespace LrDecay.Tests.Support;

/// <summary>The promises every schedule keeps, checked alike for each type.</summary>
public abstract class ScheduleContractTests
{
    protected static readonly long[] FarSteps = [100_000, 1L << 31, int.MaxValue, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, long.MaxValue / 2, long.MaxValue - 1, long.MaxValue];

    protected abstract ILearningRateSchedule Create();

    [Fact]
    public void GetLearningRate_NegativeStep_Throws()
    {
        ILearningRateSchedule schedule = Create();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.GetLearningRate(-1));
        ex.ParamName.Should().Be("step");
        ex.Message.Should().Contain("'-1'");
    }

    [Fact]
    public void GetLearningRate_FirstTenThousandSteps_FiniteAndNonNegative()
    {
        ILearningRateSchedule schedule = Create();
        for (long t = 0; t <= 10_000; t++)
        {
            double lr = schedule.GetLearningRate(t);
            Assert.True(double.IsFinite(lr) && lr >= 0.0, $"step {t}: {lr}");
        }
    }

    [Fact]
    public void GetLearningRate_FarSteps_FiniteAndNonNegative()
    {
        ILearningRateSchedule schedule = Create();
        foreach (long t in FarSteps)
        {
            double lr = schedule.GetLearningRate(t);
            Assert.True(double.IsFinite(lr) && lr >= 0.0, $"step {t}: {lr}");
        }
    }

    [Fact]
    public void GetLearningRate_SameStepTwice_SameValue()
    {
        ILearningRateSchedule schedule = Create();
        for (long t = 0; t < 500; t += 7)
        {
            schedule.GetLearningRate(t).Should().Be(schedule.GetLearningRate(t));
        }
    }

    [Fact]
    public void Fill_EqualsPointwise()
    {
        ILearningRateSchedule schedule = Create();
        foreach (long first in new long[] { 0, 1, 997, (1L << 53) - 100, long.MaxValue - 1_000 })
        {
            var buffer = new double[1_001];
            schedule.Fill(first, buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                LrAssert.Close(schedule.GetLearningRate(first + i), buffer[i], 1e-14, 1e-300, first + i);
            }
        }
    }

    [Fact]
    public void Json_RoundTrip_BitIdentical()
    {
        ILearningRateSchedule schedule = Create();
        string json = ScheduleJson.Serialize(schedule);
        ILearningRateSchedule back = ScheduleJson.Parse(json);
        back.GetType().Should().Be(schedule.GetType());
        ScheduleJson.Serialize(back).Should().Be(json);
        for (long t = 0; t < 2_000; t++)
        {
            BitConverter.DoubleToInt64Bits(back.GetLearningRate(t)).Should().Be(BitConverter.DoubleToInt64Bits(schedule.GetLearningRate(t)), $"step {t}");
        }

        foreach (long t in FarSteps)
        {
            back.GetLearningRate(t).Should().Be(schedule.GetLearningRate(t));
        }
    }

    [Fact]
    public void Json_Indented_ParsesToSameConfig()
    {
        ILearningRateSchedule schedule = Create();
        string indented = ScheduleJson.Serialize(schedule, indented: true);
        indented.Should().Contain("\n");
        ScheduleJson.Serialize(ScheduleJson.Parse(indented)).Should().Be(ScheduleJson.Serialize(schedule));
    }
}
