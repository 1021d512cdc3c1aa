using System.Text.Json;
using System.Text.Json.Nodes;
using LrDecay.Conformance;

namespace LrDecay.Cli.Tests;

/// <summary>
/// The import vectors: tests/vectors/import/import.json, ../shared/conformance/import/import.json when present, and the import files of
/// every folder in LRDECAY_CONFORMANCE_DIRS (its import/import.json, or an import.json in the import-vector format). A case in more
/// than one set runs once; the same id with different content is a failure that names it.
/// </summary>
internal static class ImportVectors
{
    private static readonly Lazy<Loaded> s_loaded = new(Load);

    /// <summary>The ids of every case, those in the pending list included.</summary>
    internal static IReadOnlyList<string> Ids => s_loaded.Value.Cases.Keys.Concat(s_loaded.Value.Conflicts.Keys).OrderBy(i => i, StringComparer.Ordinal).ToArray();

    internal static IReadOnlyDictionary<string, string> Pending => s_loaded.Value.Pending;

    internal static string LocalFile => Path.Combine(Repo.Root, "tests", "vectors", "import", "import.json");

    internal static string PendingFile => Path.Combine(Repo.Root, "tests", "vectors", "import", "pending.txt");

    /// <summary>Runs case <paramref name="id"/> through the CLI entry point; null when it passes, else why not.</summary>
    internal static string? Run(string id)
    {
        if (s_loaded.Value.Conflicts.TryGetValue(id, out string? conflict))
        {
            return conflict;
        }

        ImportCase c = s_loaded.Value.Cases[id];
        var args = new List<string> { "import", Path.Combine(c.Directory, c.Source), "--from", c.From };
        for (int i = 0; i < c.Args.Count; i++)
        {
            string arg = c.Args[i];
            args.Add(i > 0 && c.Args[i - 1] is "--optimizer" or "--state-out" ? Path.Combine(c.Directory, arg) : arg);
        }

        CliResult result = Cli.Run(args.ToArray());
        string where = $"{c.Set}: {id} (lrdecay {string.Join(' ', args)})";
        if (c.Error)
        {
            if (result.ExitCode != 2)
            {
                return $"{where}: expected exit 2, got {result.ExitCode}; stderr: {result.Err}";
            }

            string err = result.Err.TrimEnd('\n');
            if (err.Contains('\n') || !err.StartsWith("lrdecay: ", StringComparison.Ordinal) || err.Contains("   at ") || err.Contains("Exception"))
            {
                return $"{where}: a refusal is one line in LrDecay's words, got: {result.Err}";
            }

            return result.Out.Length == 0 ? null : $"{where}: a refusal prints nothing on stdout, got: {result.Out}";
        }

        if (result.ExitCode != 0)
        {
            return $"{where}: exit {result.ExitCode}; stderr: {result.Err}";
        }

        ILearningRateSchedule schedule;
        try
        {
            schedule = ScheduleJson.Parse(result.Out);
        }
        catch (ScheduleConfigException ex)
        {
            return $"{where}: stdout is not an LrDecay config ({ex.Message}): {result.Out}";
        }

        foreach ((string key, string label) in new[] { ("resumeStep", "resume from step"), ("totalSteps", "total steps"), ("warmupSteps", "warm-up steps") })
        {
            if (c.Extra.TryGetValue(key, out long value) && !result.Err.Contains($"{label}: {value}", StringComparison.Ordinal))
            {
                return $"{where}: upstream derived {key} {value}, but stderr does not say '{label}: {value}': {result.Err}";
            }
        }

        for (int i = 0; i < c.Steps.Count; i++)
        {
            double actual = schedule.GetLearningRate(c.Steps[i]);
            if (!ConformanceRunner.IsClose(c.Expected[i], actual, c.RelTol, 1e-15))
            {
                return $"{where}: step {c.Steps[i]}: expected {c.Expected[i]:R}, got {actual:R} (relTol {c.RelTol:R}); config: {result.Out}";
            }
        }

        return null;
    }

    private static Loaded Load()
    {
        var sets = new List<(string Label, string File)> { ("tests/vectors/import", LocalFile) };
        string shared = Path.Combine(Repo.SharedConformance, "import", "import.json");
        if (File.Exists(shared))
        {
            sets.Add(("shared/conformance/import", shared));
        }

        IReadOnlyList<string> extra = ConformanceRunner.ExtraDirectories();
        for (int i = 0; i < extra.Count; i++)
        {
            string nested = Path.Combine(extra[i], "import", "import.json");
            string direct = Path.Combine(extra[i], "import.json");
            if (File.Exists(nested))
            {
                sets.Add(($"{ConformanceRunner.DirectoriesVariable}[{i}]/import", nested));
            }
            else if (File.Exists(direct) && File.ReadAllText(direct).Contains("lrdecay-import-vectors", StringComparison.Ordinal))
            {
                sets.Add(($"{ConformanceRunner.DirectoriesVariable}[{i}]", direct));
            }
        }

        var cases = new Dictionary<string, ImportCase>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string label, string file) in sets)
        {
            foreach (ImportCase c in ImportCase.ReadAll(label, file))
            {
                if (conflicts.ContainsKey(c.Id))
                {
                    continue;
                }

                if (cases.TryGetValue(c.Id, out ImportCase? first))
                {
                    if (!first.SameContent(c))
                    {
                        cases.Remove(c.Id);
                        conflicts[c.Id] = $"{c.Id}: the case differs between {first.Set} and {c.Set} (its JSON or its files): one id, two contents";
                    }

                    continue;
                }

                cases[c.Id] = c;
            }
        }

        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(PendingFile))
        {
            foreach (string line in File.ReadAllLines(PendingFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                int space = line.IndexOfAny([' ', '\t']);
                pending[space < 0 ? line : line.Substring(0, space)] = space < 0 ? string.Empty : line.Substring(space).Trim();
            }
        }

        return new Loaded(cases, conflicts, pending);
    }

    private sealed record Loaded(Dictionary<string, ImportCase> Cases, Dictionary<string, string> Conflicts, Dictionary<string, string> Pending);

    private sealed class ImportCase
    {
        private ImportCase(string set, string directory, JsonObject json)
        {
            Set = set;
            Directory = directory;
            Json = json;
            Id = json["id"]!.GetValue<string>();
            From = json["from"]!.GetValue<string>();
            Source = json["source"]!.GetValue<string>();
            Args = json["args"] is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToArray() : [];
            Error = json["error"] is JsonValue e && e.GetValue<bool>();
            Steps = json["steps"] is JsonArray s ? s.Select(x => x!.GetValue<long>()).ToArray() : [];
            Expected = json["expected"] is JsonArray x2 ? x2.Select(x => x!.GetValue<double>()).ToArray() : [];
            RelTol = json["relTol"] is JsonValue r ? r.GetValue<double>() : 1e-12;
            foreach (string key in new[] { "resumeStep", "totalSteps", "warmupSteps" })
            {
                if (json[key] is JsonValue v && v.TryGetValue(out long n))
                {
                    Extra[key] = n;
                }
            }

            if (!Error && Steps.Count != Expected.Count)
            {
                throw new InvalidDataException($"{set}: case {Id}: {Steps.Count} steps but {Expected.Count} expected values");
            }
        }

        internal string Set { get; }

        internal string Directory { get; }

        internal JsonObject Json { get; }

        internal string Id { get; }

        internal string From { get; }

        internal string Source { get; }

        internal IReadOnlyList<string> Args { get; }

        internal bool Error { get; }

        internal IReadOnlyList<long> Steps { get; }

        internal IReadOnlyList<double> Expected { get; }

        internal double RelTol { get; }

        internal Dictionary<string, long> Extra { get; } = new(StringComparer.Ordinal);

        internal static IEnumerable<ImportCase> ReadAll(string set, string file)
        {
            JsonNode root = JsonNode.Parse(File.ReadAllText(file))!;
            string directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            foreach (JsonNode? c in root["cases"]!.AsArray())
            {
                yield return new ImportCase(set, directory, c!.AsObject());
            }
        }

        /// <summary>The same case JSON, and the same bytes in every file it names.</summary>
        internal bool SameContent(ImportCase other) =>
            JsonNode.DeepEquals(Json, other.Json) && Files().Zip(other.Files(), SameBytes).All(x => x);

        private IEnumerable<string> Files() =>
            new[] { Source }.Concat(Args.Where((a, i) => i > 0 && Args[i - 1] is "--optimizer")).Select(f => Path.Combine(Directory, f));

        private static bool SameBytes(string a, string b) =>
            File.Exists(a) && File.Exists(b) ? File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)) : File.Exists(a) == File.Exists(b);
    }
}
