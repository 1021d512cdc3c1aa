using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary>
/// <see cref="BudgetMath"/>'s own refusals. The config reader and <see cref="TrainingBudget"/> only pass the four units, so these
/// guard the unit tables themselves: a unit added to <see cref="BudgetMath.Units"/> without its field fails here, not silently.
/// </summary>
public sealed class BudgetMathTests
{
    [Fact]
    public void FieldOf_NotAUnit_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetMath.FieldOf("weeks"));

        ex.ParamName.Should().Be("unit");
        ex.ActualValue.Should().Be("weeks");
        ex.Message.Should().StartWith("not a budget unit");
    }

    [Fact]
    public void FieldValue_NotAUnit_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetMath.FieldValue(new TrainingBudget(totalSteps: 10), "weeks"));

        ex.ParamName.Should().Be("unit");
        ex.ActualValue.Should().Be("weeks");
        ex.Message.Should().StartWith("not a budget unit");
    }

    [Fact]
    public void EveryUnit_HasAField()
    {
        var budget = new TrainingBudget(totalSteps: 1, stepsPerEpoch: 2, samplesPerStep: 3, tokensPerStep: 4);

        BudgetMath.Units.Select(BudgetMath.FieldOf).Should().Equal("stepsPerEpoch", "samplesPerStep", "tokensPerStep", "totalSteps");
        BudgetMath.Units.Select(u => BudgetMath.FieldValue(budget, u)).Should().Equal(2L, 3L, 4L, 1L);
    }
}
