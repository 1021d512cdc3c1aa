using System.Reflection;

namespace LrDecay.Tests.Compatibility;

/// <summary>
/// The shipped signatures whose optional parameters went to a fuller overload are still there, found by reflection by their exact
/// parameter types as compiled code finds them (a removal fails here as it would fail such code, with no method to bind), and each
/// builds the same schedule as the fuller overload given the defaults of the parameters it lacks: the same JSON, the same rates.
/// </summary>
public sealed class BinaryCompatibilityTests
{
    private static readonly ILearningRateSchedule Inner = new CosineSchedule(3e-4, 10_000, 0.0, kDecay: 1.0, precision: Precision.Float64);

    private static readonly long[] Steps = [0, 1, 2, 9, 10, 11, 29, 30, 31, 49, 50, 99, 100, 101, 299, 300, 301, 499, 500, 501, 999, 1000, 1001, 12_345, 1_000_000, 1L << 40];

    /// <summary>
    /// Each signature as the first builds declared it (with its defaults; <c>PublicAPI.Shipped.txt</c> lists it without them), the member it names (a constructor is <c>.ctor</c>), its parameter
    /// types, the type it returns or constructs, arguments other than the defaults, and the same schedule from the fuller overload.
    /// </summary>
    private static readonly Shipped[] Members =
    [
        new("LrDecay.CosineSchedule.CosineSchedule(double initialLr, long decaySteps, double minLr = 0) -> void",
            typeof(CosineSchedule), ".ctor", [typeof(double), typeof(long), typeof(double)], typeof(CosineSchedule),
            [0.05, 300L, 0.01], () => new CosineSchedule(0.05, 300, 0.01, kDecay: 1.0, precision: Precision.Float64)),
        new("LrDecay.CosineRestartsSchedule.CosineRestartsSchedule(double initialLr, long firstDecaySteps, double tMul = 2, double mMul = 1, double minLr = 0) -> void",
            typeof(CosineRestartsSchedule), ".ctor", [typeof(double), typeof(long), typeof(double), typeof(double), typeof(double)], typeof(CosineRestartsSchedule),
            [0.2, 30L, 1.5, 0.8, 0.01],
            () => new CosineRestartsSchedule(0.2, 30, 1.5, 0.8, 0.01, kDecay: 1.0, cycleLimit: 0, mMulMode: MMulMode.Range, precision: Precision.Float64)),
        new("LrDecay.ExponentialSchedule.ExponentialSchedule(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false) -> void",
            typeof(ExponentialSchedule), ".ctor", [typeof(double), typeof(double), typeof(long), typeof(bool)], typeof(ExponentialSchedule),
            [0.1, 0.96, 10L, true], () => new ExponentialSchedule(0.1, 0.96, 10, true, precision: Precision.Float64)),
        new("LrDecay.InverseSqrtSchedule.InverseSqrtSchedule(double initialLr, long warmupSteps = 0, long? timescale = null) -> void",
            typeof(InverseSqrtSchedule), ".ctor", [typeof(double), typeof(long), typeof(long?)], typeof(InverseSqrtSchedule),
            [0.002, 100L, 50L], () => new InverseSqrtSchedule(0.002, 100, 50, power: 0.5)),
        new("LrDecay.InverseTimeSchedule.InverseTimeSchedule(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false) -> void",
            typeof(InverseTimeSchedule), ".ctor", [typeof(double), typeof(double), typeof(long), typeof(bool)], typeof(InverseTimeSchedule),
            [0.1, 0.5, 10L, true], () => new InverseTimeSchedule(0.1, 0.5, 10, true, precision: Precision.Float64)),
        new("LrDecay.PolynomialSchedule.PolynomialSchedule(double initialLr, long decaySteps, double endLr = 0, double power = 1, bool cycle = false) -> void",
            typeof(PolynomialSchedule), ".ctor", [typeof(double), typeof(long), typeof(double), typeof(double), typeof(bool)], typeof(PolynomialSchedule),
            [0.1, 1000L, 0.001, 2.0, true], () => new PolynomialSchedule(0.1, 1000, 0.001, 2.0, true, precision: Precision.Float64)),
        new("LrDecay.WarmupSchedule.WarmupSchedule(LrDecay.ILearningRateSchedule! schedule, long warmupSteps, double startLr = 0) -> void",
            typeof(WarmupSchedule), ".ctor", [typeof(ILearningRateSchedule), typeof(long), typeof(double)], typeof(WarmupSchedule),
            [Inner, 500L, 1e-5], () => new WarmupSchedule(Inner, 500, 1e-5, shape: RampShape.Linear, prefix: true)),
        new("static LrDecay.ScheduleExtensions.WithWarmup(this LrDecay.ILearningRateSchedule! schedule, long warmupSteps, double startLr = 0) -> LrDecay.WarmupSchedule!",
            typeof(ScheduleExtensions), nameof(ScheduleExtensions.WithWarmup), [typeof(ILearningRateSchedule), typeof(long), typeof(double)], typeof(WarmupSchedule),
            [Inner, 500L, 1e-5], () => Inner.WithWarmup(500, 1e-5, shape: RampShape.Linear, prefix: true)),
        new("static LrDecay.Schedules.Cosine(double initialLr, long decaySteps, double minLr = 0) -> LrDecay.CosineSchedule!",
            typeof(Schedules), nameof(Schedules.Cosine), [typeof(double), typeof(long), typeof(double)], typeof(CosineSchedule),
            [0.05, 300L, 0.01], () => Schedules.Cosine(0.05, 300, 0.01, kDecay: 1.0, precision: Precision.Float64)),
        new("static LrDecay.Schedules.CosineRestarts(double initialLr, long firstDecaySteps, double tMul = 2, double mMul = 1, double minLr = 0) -> LrDecay.CosineRestartsSchedule!",
            typeof(Schedules), nameof(Schedules.CosineRestarts), [typeof(double), typeof(long), typeof(double), typeof(double), typeof(double)], typeof(CosineRestartsSchedule),
            [0.2, 30L, 1.5, 0.8, 0.01],
            () => Schedules.CosineRestarts(0.2, 30, 1.5, 0.8, 0.01, kDecay: 1.0, cycleLimit: 0, mMulMode: MMulMode.Range, precision: Precision.Float64)),
        new("static LrDecay.Schedules.Exponential(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false) -> LrDecay.ExponentialSchedule!",
            typeof(Schedules), nameof(Schedules.Exponential), [typeof(double), typeof(double), typeof(long), typeof(bool)], typeof(ExponentialSchedule),
            [0.1, 0.96, 10L, true], () => Schedules.Exponential(0.1, 0.96, 10, true, precision: Precision.Float64)),
        new("static LrDecay.Schedules.InverseSqrt(double initialLr, long warmupSteps = 0, long? timescale = null) -> LrDecay.InverseSqrtSchedule!",
            typeof(Schedules), nameof(Schedules.InverseSqrt), [typeof(double), typeof(long), typeof(long?)], typeof(InverseSqrtSchedule),
            [0.002, 100L, 50L], () => Schedules.InverseSqrt(0.002, 100, 50, power: 0.5)),
        new("static LrDecay.Schedules.InverseTime(double initialLr, double decayRate, long decaySteps = 1, bool staircase = false) -> LrDecay.InverseTimeSchedule!",
            typeof(Schedules), nameof(Schedules.InverseTime), [typeof(double), typeof(double), typeof(long), typeof(bool)], typeof(InverseTimeSchedule),
            [0.1, 0.5, 10L, true], () => Schedules.InverseTime(0.1, 0.5, 10, true, precision: Precision.Float64)),
        new("static LrDecay.Schedules.Polynomial(double initialLr, long decaySteps, double endLr = 0, double power = 1, bool cycle = false) -> LrDecay.PolynomialSchedule!",
            typeof(Schedules), nameof(Schedules.Polynomial), [typeof(double), typeof(long), typeof(double), typeof(double), typeof(bool)], typeof(PolynomialSchedule),
            [0.1, 1000L, 0.001, 2.0, true], () => Schedules.Polynomial(0.1, 1000, 0.001, 2.0, true, precision: Precision.Float64)),
    ];

    public static TheoryData<string> ShippedLines() => new(Members.Select(m => m.Line));

    [Theory]
    [MemberData(nameof(ShippedLines))]
    public void ShippedSignature_IsDeclared_WithItsParameterNames(string line)
    {
        Shipped member = Find(line);
        HashSet<string> shipped = PublicApiText.Lines("src/LrDecay/PublicAPI.Shipped.txt").ToHashSet(StringComparer.Ordinal);

        shipped.Should().Contain(
            PublicApiText.WithoutDefaults(line), "the signature is shipped, its defaults dropped since a fuller overload takes them");
        Resolve(member).GetParameters().Select(p => p.Name).Should().Equal(PublicApiText.ParameterNames(line), "a call that names its arguments still compiles");
    }

    [Theory]
    [MemberData(nameof(ShippedLines))]
    public void ShippedSignature_Exists_WithItsExactParameterAndReturnTypes(string line)
    {
        Shipped member = Find(line);

        MethodBase method = Resolve(member);

        method.IsPublic.Should().BeTrue();
        method.GetParameters().Select(p => p.ParameterType).Should().Equal(member.Parameters);
        if (method is MethodInfo info)
        {
            info.IsStatic.Should().BeTrue();
            info.ReturnType.Should().Be(member.Returns, "compiled code binds the return type too");
        }
        else
        {
            method.DeclaringType.Should().Be(member.Returns);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedLines))]
    public void ShippedSignature_BuildsTheSameSchedule_AsTheFullerOverload(string line)
    {
        Shipped member = Find(line);
        MethodBase method = Resolve(member);

        object? built = method is ConstructorInfo ctor ? ctor.Invoke(member.Arguments) : method.Invoke(null, member.Arguments);
        ILearningRateSchedule fuller = member.Fuller();

        built.Should().BeOfType(member.Returns);
        fuller.Should().BeOfType(member.Returns);
        var schedule = (ILearningRateSchedule)built!;
        schedule.ToString().Should().Be(fuller.ToString(), "every property, the defaulted ones too, is the same");
        foreach (long step in Steps)
        {
            schedule.GetLearningRate(step).Should().Be(fuller.GetLearningRate(step), $"the rate at step {step}");
        }
    }

    private static Shipped Find(string line) => Members.Single(m => m.Line == line);

    /// <summary>The member with exactly the shipped parameter types (no conversions, no optional parameters filled in).</summary>
    private static MethodBase Resolve(Shipped member)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        MethodBase[] candidates = member.Name == ".ctor"
            ? member.Declaring.GetConstructors(Flags)
            : member.Declaring.GetMethods(Flags).Where(m => m.Name == member.Name).ToArray();
        MethodBase[] exact = candidates.Where(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(member.Parameters)).ToArray();
        exact.Should().ContainSingle($"{member.Line} must exist with exactly these parameter types, or code compiled against it fails with MissingMethodException");
        return exact[0];
    }

    private sealed record Shipped(
        string Line, Type Declaring, string Name, Type[] Parameters, Type Returns, object?[] Arguments, Func<ILearningRateSchedule> Fuller);
}
