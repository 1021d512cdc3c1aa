using System.Text;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Config;

/// <summary>
/// The JSON that <see cref="ScheduleJson.Serialize(ILearningRateSchedule)"/> writes for every configuration of the catalog, word for
/// word against <c>serialized.txt</c>: every property named, every default explicit, <c>type</c> first. To accept a deliberate
/// change, run with <c>LRDECAY_WRITE_SERIALIZED=1</c>, which rewrites the file, and review the diff.
/// </summary>
public sealed partial class ScheduleJsonTests
{
    private const string FileName = "serialized.txt";

    /// <summary>The catalog without its schedules from outside the library (which have no JSON form).</summary>
    private static IEnumerable<KeyValuePair<string, Func<ILearningRateSchedule>>> Library =>
        ScheduleCatalog.All.Where(e => e.Key is not ("user-schedule" or "warmup-over-user" or "chain-of-users")).Concat(Extra);

    /// <summary>Settings the catalog leaves at their defaults.</summary>
    private static readonly Dictionary<string, Func<ILearningRateSchedule>> Extra = new()
    {
        ["plateau-keras-max"] = () => Schedules.Plateau(
            0.1, mode: PlateauMode.Maximize, factor: 0.5, patience: 3, threshold: 0.01, cooldown: 2, minLr: 1e-4, eps: 0, compat: PlateauCompat.Keras),
        ["plateau-abs"] = () => Schedules.Plateau(0.1, thresholdMode: PlateauThresholdMode.Absolute, threshold: 0.5),
        ["oneCycle-linear"] = () => Schedules.OneCycle(0.1, 50, pctStart: 0.25, annealStrategy: AnnealStrategy.Linear, divFactor: 10, finalDivFactor: 100),
        ["cyclic-default-down"] = () => Schedules.Cyclic(0.001, 0.006, stepSizeUp: 7),
        ["inverseSqrt-timescale"] = () => Schedules.InverseSqrt(0.002, warmupSteps: 10, timescale: 30),
        ["clamp-no-ceiling"] = () => new ClampSchedule(Schedules.Constant(0.2), 0.1),
        ["sequence-of-one"] = () => Schedules.Sequence([Schedules.Constant(0.2)], []),
    };

    [Fact]
    public void Serialize_EveryCatalogConfiguration_IsTheRecordedJson()
    {
        List<string> actual = Library.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}\t{ScheduleJson.Serialize(e.Value())}")
            .ToList();
        string path = Path.Combine(SourceDirectory(), FileName);
        if (Environment.GetEnvironmentVariable("LRDECAY_WRITE_SERIALIZED") == "1")
        {
            File.WriteAllText(path, string.Join("\n", actual) + "\n", new UTF8Encoding(false));
            return;
        }

        string[] expected = File.ReadAllText(path).TrimEnd('\n').Split('\n');
        actual.Should().Equal(expected, $"{FileName} records each form (set LRDECAY_WRITE_SERIALIZED=1 to rewrite it)");
    }

    [Fact]
    public void Serialize_EveryCatalogConfiguration_ParsesBackToTheSameJson()
    {
        foreach ((string name, Func<ILearningRateSchedule> create) in Library)
        {
            string json = ScheduleJson.Serialize(create());
            ScheduleJson.Serialize(ScheduleJson.Parse(json)).Should().Be(json, name);
            string indented = ScheduleJson.Serialize(create(), indented: true);
            indented.Should().Contain("\n", name);
            ScheduleJson.Serialize(ScheduleJson.Parse(indented)).Should().Be(json, name);
        }
    }

    private static string SourceDirectory() => VectorSets.TestSourceDirectory("Config");
}
