using LrDecay.Import;

namespace LrDecay.Tests.Import;

/// <summary>Damaged files: every import vector's file cut short or with bytes changed imports or is refused, never another exception.</summary>
public sealed class ImportRobustnessTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(Support.VectorSets.RequiredRepositoryRoot(), "tests", "vectors", "import", "files")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void DamagedFile_IsImportedOrRefused_NeverAnotherException(string name)
    {
        byte[] original = File.ReadAllBytes(Path.Combine(Support.VectorSets.RequiredRepositoryRoot(), "tests", "vectors", "import", "files", name));
        var random = new Random(name.Length * 7919);
        var options = new ImportOptions { BatchesPerEpoch = 37 };
        foreach (byte[] damaged in Damaged(original, random))
        {
            foreach (ImportSource? source in new ImportSource?[] { null, ImportSource.Keras, ImportSource.PyTorch, ImportSource.HuggingFace, ImportSource.Timm })
            {
                try
                {
                    ScheduleImport.Import(damaged, source, options);
                }
                catch (ScheduleImportException ex)
                {
                    ex.Message.Should().NotContain("\n");
                }
            }
        }
    }

    private static IEnumerable<byte[]> Damaged(byte[] original, Random random)
    {
        yield return original;
        foreach (double fraction in new[] { 0.1, 0.5, 0.9 })
        {
            yield return original.Take(Math.Max(1, (int)(original.Length * fraction))).ToArray();
        }

        for (int i = 0; i < 12; i++)
        {
            byte[] copy = (byte[])original.Clone();
            for (int j = 0; j < 1 + (copy.Length / 200); j++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            yield return copy;
        }
    }
}
