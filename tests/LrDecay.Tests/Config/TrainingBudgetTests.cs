using System.Globalization;

namespace LrDecay.Tests.Config;

/// <summary>The C# side of budget units: <see cref="TrainingBudget"/> resolves amounts as the JSON reader does.</summary>
public sealed class TrainingBudgetTests
{
    private static readonly TrainingBudget Full = new(totalSteps: 100_000, stepsPerEpoch: 1875, samplesPerStep: 256, tokensPerStep: 1_048_576);

    [Fact]
    public void Fields_AreWhatWasGiven()
    {
        var budget = new TrainingBudget(stepsPerEpoch: 1875);

        budget.StepsPerEpoch.Should().Be(1875);
        budget.TotalSteps.Should().BeNull();
        budget.SamplesPerStep.Should().BeNull();
        budget.TokensPerStep.Should().BeNull();
        budget.ToString().Should().Be("stepsPerEpoch=1875");
        new TrainingBudget().ToString().Should().Be("none");
        Full.ToString().Should().Be("totalSteps=100000, stepsPerEpoch=1875, samplesPerStep=256, tokensPerStep=1048576");
    }

    [Theory]
    [InlineData(0L, "totalSteps")]
    [InlineData(-1L, "stepsPerEpoch")]
    [InlineData(0L, "samplesPerStep")]
    [InlineData(long.MinValue, "tokensPerStep")]
    public void Constructor_FieldNotPositive_Throws(long value, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => name switch
        {
            "totalSteps" => new TrainingBudget(totalSteps: value),
            "stepsPerEpoch" => new TrainingBudget(stepsPerEpoch: value),
            "samplesPerStep" => new TrainingBudget(samplesPerStep: value),
            _ => new TrainingBudget(tokensPerStep: value),
        });

        ex.ParamName.Should().Be(name);
        ex.Message.Should().StartWith($"{name} ('{value}') must be greater than '0'.");
    }

    [Fact]
    public void Units_ResolveAsInJson()
    {
        Full.Epochs(3).Should().Be(5625); // 3 * 1875
        Full.Epochs(0.5).Should().Be(938); // 937.5, a tie: up
        Full.Samples(1_200_000).Should().Be(4688); // 1_200_000 / 256 = 4687.5: up
        Full.Tokens(2e9).Should().Be(1907); // 2e9 / 1_048_576 = 1907.35
        Full.Fraction(0.05).Should().Be(5000); // 0.05 * 100_000
        Full.Fraction(0).Should().Be(0);
    }

    [Fact]
    public void Doubles_AreTakenAsTheirShortestDecimal_SoTheyAgreeWithJson()
    {
        var ten = new TrainingBudget(totalSteps: 10);

        // 0.15 * 10 in doubles is 1.4999999999999998; as the decimal 0.15 it is 1.5, a tie: up, as {"fraction": 0.15} in JSON.
        ten.Fraction(0.15).Should().Be(2);
        ((CosineSchedule)ScheduleJson.Parse("""{"type":"cosine","initialLr":0.1,"decaySteps":{"fraction":0.15}}""", ten)).DecaySteps.Should().Be(2);
        ten.Fraction(0.25).Should().Be(3); // 2.5: up, not to even
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Units_BadAmount_Throws(double amount)
    {
        ArgumentOutOfRangeException epochs = Assert.Throws<ArgumentOutOfRangeException>(() => Full.Epochs(amount));
        epochs.ParamName.Should().Be("epochs");
        epochs.Message.Should().StartWith($"epochs ('{amount.ToString(CultureInfo.InvariantCulture)}') must be a finite value greater than or equal to '0'.");
        Assert.Throws<ArgumentOutOfRangeException>(() => Full.Samples(amount)).ParamName.Should().Be("samples");
        Assert.Throws<ArgumentOutOfRangeException>(() => Full.Tokens(amount)).ParamName.Should().Be("tokens");
        Assert.Throws<ArgumentOutOfRangeException>(() => Full.Fraction(amount)).ParamName.Should().Be("fraction");
    }

    [Fact]
    public void Units_BeyondAStepCount_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Full.Epochs(1e16)); // 1e16 * 1875 > 2^63

        ex.ParamName.Should().Be("epochs");
        ex.Message.Should().StartWith("epochs ('10000000000000000') * stepsPerEpoch 1875 is beyond a 64-bit step count.");
    }

    [Fact]
    public void Units_WithoutTheirField_Throw()
    {
        var budget = new TrainingBudget(totalSteps: 1000);

        Assert.Throws<InvalidOperationException>(() => budget.Epochs(1)).Message
            .Should().Be("'epochs' needs stepsPerEpoch, which this budget (totalSteps=1000) does not give.");
        Assert.Throws<InvalidOperationException>(() => budget.Samples(1)).Message.Should().StartWith("'samples' needs samplesPerStep,");
        Assert.Throws<InvalidOperationException>(() => budget.Tokens(1)).Message.Should().StartWith("'tokens' needs tokensPerStep,");
        Assert.Throws<InvalidOperationException>(() => new TrainingBudget().Fraction(1)).Message.Should().StartWith("'fraction' needs totalSteps,");
    }

    [Fact]
    public void Units_BuildSchedulesInCSharp()
    {
        var budget = new TrainingBudget(totalSteps: 20_000, stepsPerEpoch: 500);

        CooldownSchedule schedule = Schedules.Constant(0.1).CooldownFrom(budget.Fraction(0.8), budget.Epochs(8));

        schedule.StartStep.Should().Be(16_000); // 0.8 * 20_000
        schedule.DecaySteps.Should().Be(4000); // 8 * 500
    }
}
