using LrDecay.Internal;

namespace LrDecay.Tests.Internal;

/// <summary><see cref="EnumNames{T}"/>: a member missing from a table is refused by name, and the range text reads as a list.</summary>
public sealed class EnumNamesTests
{
    [Fact]
    public void NameOf_MemberWithoutAName_Throws()
    {
        var names = new EnumNames<AnnealStrategy>(("cos", AnnealStrategy.Cosine));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => names.NameOf(AnnealStrategy.Linear));

        ex.ParamName.Should().Be("value");
        ex.ActualValue.Should().Be(AnnealStrategy.Linear);
        ex.Message.Should().StartWith("AnnealStrategy 'Linear' has no JSON name.");
        names.NameOf(AnnealStrategy.Cosine).Should().Be("cos");
    }

    [Fact]
    public void Describe_ListsTheNames()
    {
        new EnumNames<CyclicMode>(("triangular", CyclicMode.Triangular)).Describe().Should().Be("\"triangular\"");
        new EnumNames<CyclicMode>(("triangular", CyclicMode.Triangular), ("triangular2", CyclicMode.Triangular2))
            .Describe().Should().Be("\"triangular\" or \"triangular2\"");
        new EnumNames<CyclicMode>(("triangular", CyclicMode.Triangular), ("triangular2", CyclicMode.Triangular2), ("expRange", CyclicMode.ExponentialRange))
            .Describe().Should().Be("\"triangular\", \"triangular2\" or \"expRange\"");
    }
}
