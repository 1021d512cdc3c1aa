using System.Globalization;
using System.Text;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Contracts;

/// <summary>
/// The exact bits of every config in <c>Golden/configs.txt</c> (every schedule type of the catalog, float32 modes, the power, exp and
/// cosine paths) at fixed steps near and far, against <c>Golden/golden-bits.txt</c>: the numbers are LrDecay's own and must not
/// move by a bit on any machine or build. <c>LRDECAY_WRITE_GOLDEN=1</c> rewrites the file from this build (then review the diff).
/// </summary>
public sealed class GoldenBitsTests
{
    private static readonly long[] Steps =
    [
        0, 1, 7, 100, 999, 1_000, 1_001, 2_500, 4_999, 5_000, 6_000, 123_457, 1_000_000_000, 1_000_000_001, 2_147_483_648,
        9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, 4_611_686_018_427_387_904, long.MaxValue,
    ];

    [Fact]
    public void EveryConfigAtEveryStep_MatchesTheGoldenBits()
    {
        string folder = VectorSets.TestSourceDirectory("Golden");
        string actual = Render(File.ReadAllLines(Path.Combine(folder, "configs.txt")));
        string goldenPath = Path.Combine(folder, "golden-bits.txt");
        if (Environment.GetEnvironmentVariable("LRDECAY_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            return;
        }

        string[] expected = File.ReadAllText(goldenPath).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        string[] lines = actual.Split('\n');
        var differences = new List<string>();
        string config = string.Empty;
        for (int i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            string want = i < expected.Length ? expected[i] : "(missing)";
            string got = i < lines.Length ? lines[i] : "(missing)";
            if (got.StartsWith('{'))
            {
                config = got;
            }

            if (want != got)
            {
                differences.Add($"{config}: expected '{want}', got '{got}'");
            }
        }

        differences.Should().BeEmpty("every rate keeps its golden bits (LRDECAY_WRITE_GOLDEN=1 rewrites them)");
    }

    /// <summary>
    /// The netstandard2.0 build (no fused multiply-add, Dekker's products) gives the same golden bits: loaded beside this runtime's
    /// when it has been built (as <c>dotnet test</c> on the solution does).
    /// </summary>
    [Fact]
    public void NetStandardBuild_MatchesTheGoldenBits()
    {
        string path = NetStandardBuild.PathOrSkip();

        var context = new System.Runtime.Loader.AssemblyLoadContext("netstandard2.0 build", isCollectible: true);
        try
        {
            System.Reflection.Assembly assembly = context.LoadFromAssemblyPath(path);
            System.Reflection.MethodInfo parse = assembly.GetType("LrDecay.ScheduleJson")!.GetMethod("Parse", [typeof(string)])!;
            Type schedule = assembly.GetType("LrDecay.ILearningRateSchedule")!;
            Type plateau = assembly.GetType("LrDecay.PlateauSchedule")!;
            string folder = VectorSets.TestSourceDirectory("Golden");
            string actual = Render(File.ReadAllLines(Path.Combine(folder, "configs.txt")), config => parse.Invoke(null, [config])!, (instance, step) =>
            {
                if (plateau.IsInstanceOfType(instance))
                {
                    object state = plateau.GetProperty("InitialState")!.GetValue(instance)!;
                    return (double)plateau.GetMethod("GetLearningRate", [state.GetType(), typeof(long)])!.Invoke(instance, [state, step])!;
                }

                return (double)schedule.GetMethod("GetLearningRate")!.Invoke(instance, [step])!;
            });
            string expected = File.ReadAllText(Path.Combine(folder, "golden-bits.txt")).Replace("\r", string.Empty, StringComparison.Ordinal);
            actual.Should().Be(expected, "the netstandard2.0 build computes the same bits");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Configs_CoverEveryScheduleType()
    {
        string folder = VectorSets.TestSourceDirectory("Golden");
        var types = File.ReadAllLines(Path.Combine(folder, "configs.txt"))
            .Where(line => line.Length > 0)
            .Select(line => ScheduleJson.TypeOf(ScheduleJson.Parse(line))!.Name)
            .ToHashSet();
        types.Should().BeEquivalentTo(ScheduleJson.Types.Select(t => t.Name));
    }

    /// <summary>Each config, then one line per step: the step and the rate's bits in hexadecimal.</summary>
    private static string Render(IEnumerable<string> configs) =>
        Render(configs, ScheduleJson.Parse, (schedule, step) => ScheduleCatalog.Rate((ILearningRateSchedule)schedule, step));

    private static string Render(IEnumerable<string> configs, Func<string, object> parse, Func<object, long, double> rate)
    {
        var text = new StringBuilder();
        foreach (string config in configs.Where(line => line.Length > 0))
        {
            object schedule = parse(config);
            text.Append(config).Append('\n');
            foreach (long step in Steps)
            {
                double value = rate(schedule, step);
                text.Append(CultureInfo.InvariantCulture, $"  {step} {BitConverter.DoubleToInt64Bits(value):X16}\n");
            }
        }

        return text.ToString();
    }
}
