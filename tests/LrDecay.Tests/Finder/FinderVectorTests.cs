using System.Text.Json;
using System.Text.Json.Serialization;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Finder;

/// <summary>
/// Every case of every curve in tests/vectors/finder: the smoothing, the usable range and each method's pick, as the upstream
/// algorithms (Lightning's lr_find suggestion, fastai's valley and minimum) made them on the same curve (see the README there).
/// </summary>
public sealed class FinderVectorTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static readonly Lazy<IReadOnlyList<(string File, Curve Curve)>> Curves = new(Load);

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach ((string file, Curve curve) in Curves.Value)
        {
            for (int c = 0; c < curve.Cases.Count; c++)
            {
                foreach (string method in curve.Cases[c].Methods.Keys)
                {
                    data.Add(file, c, method);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, int> CurveCases()
    {
        var data = new TheoryData<string, int>();
        foreach ((string file, Curve curve) in Curves.Value)
        {
            for (int c = 0; c < curve.Cases.Count; c++)
            {
                data.Add(file, c);
            }
        }

        return data;
    }

    [Fact]
    public void The_vectors_cover_every_method_a_divergence_and_a_non_finite_loss()
    {
        var cases = Curves.Value.SelectMany(x => x.Curve.Cases).ToList();
        Curves.Value.Should().HaveCountGreaterThanOrEqualTo(6);
        cases.SelectMany(c => c.Methods.Keys).Distinct().Should().BeEquivalentTo("steepest", "steepestLogLr", "valley", "minimum");
        cases.Should().Contain(c => c.DivergedIndex != null);
        cases.Should().Contain(c => c.NonFiniteIndex != null);

        // The methods do not all agree anywhere, so each pick is pinned on its own.
        cases.Should().Contain(c => c.Methods["steepest"].Index != c.Methods["steepestLogLr"].Index);
    }

    [Theory]
    [MemberData(nameof(CurveCases))]
    public void Smoothing_and_usable_range_match(string file, int caseIndex)
    {
        (Curve curve, VectorCase expected) = Get(file, caseIndex);
        FinderResult result = LearningRateFinder.Analyze(curve.Lrs, curve.Losses, Options(expected, FinderMethod.Minimum));

        result.UsableEnd.Should().Be(expected.UsableEnd);
        result.DivergedIndex.Should().Be(expected.DivergedIndex);
        result.NonFiniteLossIndex.Should().Be(expected.NonFiniteIndex);
        result.SearchStart.Should().Be(expected.SearchStart);
        result.SearchEnd.Should().Be(expected.SearchEnd);
        result.SmoothedLosses.Should().HaveCount(expected.Smoothed.Count);
        for (int i = 0; i < expected.Smoothed.Count; i++)
        {
            RelativeError(result.SmoothedLosses[i], expected.Smoothed[i]).Should().BeLessThanOrEqualTo(1e-12, $"smoothed[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Suggestion_matches_upstream(string file, int caseIndex, string method)
    {
        (Curve curve, VectorCase expected) = Get(file, caseIndex);
        FinderMethod finderMethod = method switch
        {
            "steepest" => FinderMethod.Steepest,
            "steepestLogLr" => FinderMethod.SteepestLogLr,
            "valley" => FinderMethod.Valley,
            _ => FinderMethod.Minimum,
        };

        FinderResult result = LearningRateFinder.Analyze(curve.Lrs, curve.Losses, Options(expected, finderMethod));

        result.Method.Should().Be(finderMethod);
        result.SuggestedIndex.Should().Be(expected.Methods[method].Index);
        RelativeError(result.SuggestedLearningRate, expected.Methods[method].Lr).Should().BeLessThanOrEqualTo(1e-12);
    }

    private static FinderOptions Options(VectorCase c, FinderMethod method) =>
        new(method, c.Beta, c.DivergenceFactor, c.SkipStart, c.SkipEnd);

    private static double RelativeError(double actual, double expected) =>
        actual == expected ? 0 : Math.Abs(actual - expected) / Math.Abs(expected);

    private static (Curve Curve, VectorCase Case) Get(string file, int caseIndex)
    {
        Curve curve = Curves.Value.Single(x => x.File == file).Curve;
        return (curve, curve.Cases[caseIndex]);
    }

    private static IReadOnlyList<(string File, Curve Curve)> Load()
    {
        string folder = Path.Combine(VectorSets.RequiredRepositoryRoot(), "tests", "vectors", "finder");
        return Directory.GetFiles(folder, "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonSerializer.Deserialize<Curve>(File.ReadAllText(f), Json)!))
            .ToList();
    }

    private sealed record Curve(string Name, string Description, double[] Lrs, double[] Losses, IReadOnlyList<VectorCase> Cases);

    private sealed record VectorCase(
        double Beta,
        double DivergenceFactor,
        int SkipStart,
        int SkipEnd,
        IReadOnlyList<double> Smoothed,
        int UsableEnd,
        int? DivergedIndex,
        int? NonFiniteIndex,
        int SearchStart,
        int SearchEnd,
        Dictionary<string, MethodResult> Methods);

    private sealed record MethodResult(int Index, double Lr, int? RunStart, int? RunEnd, int? RunLength);
}
