using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LrDecay.Cli.Tests;

/// <summary>
/// LrDecay's numbers do not depend on the C library: <c>lrdecay eval</c> runs as a child process under a stand-in libm
/// (<c>StandInLibm/standin-libm.c</c>, compiled here with gcc and loaded with <c>LD_PRELOAD</c>) that moves every exp, log, pow, cos,
/// sin, tan, tanh, exp2, log2, log10, expm1 and log1p (and their float forms) one ulp up, and must print the same bytes as in process,
/// for every config of <c>StandInLibm/configs.txt</c> (every schedule type) at steps 0 to 6000 and near 1e9.
/// </summary>
public sealed class StandInLibmTests : IDisposable
{
    private static readonly string[] Ranges = ["0:6001", "999999000:1000001000"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Eval_UnderAStandInLibm_PrintsTheSameBytes()
    {
        string library = BuildStandIn();
        string folder = Path.Combine(Repo.Root, "tests", "LrDecay.Cli.Tests", "StandInLibm");
        string[] configs = File.ReadAllLines(Path.Combine(folder, "configs.txt")).Where(line => line.Length > 0).ToArray();
        var differing = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(configs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, config =>
        {
            foreach (string range in Ranges)
            {
                CliResult expected = Cli.Run("eval", config, "--steps", range);
                expected.ExitCode.Should().Be(0, expected.Err);
                string actual = RunChild(library, "eval", config, "--steps", range);
                if (actual != expected.Out)
                {
                    differing.Add($"{config} --steps {range}");
                }
            }
        });

        TestContext.Current.SendDiagnosticMessage($"stand-in libm: {differing.Count} of {configs.Length * Ranges.Length} evaluations differ");
        differing.Should().BeEmpty("no printed byte may depend on the C library's math");
    }

    [Fact]
    public void StandIn_MovesTheCLibrarysResults()
    {
        // The stand-in itself: a probe calling the C library's exp prints a different value under it.
        string library = BuildStandIn();
        string probe = Path.Combine(_temp.Path, "probe");
        File.WriteAllText(probe + ".c", "#include <math.h>\n#include <stdio.h>\nint main(int c, char **v) { volatile double x = c * 0.5; printf(\"%a\\n\", exp(x)); return 0; }\n");
        Run("gcc", null, "-O0", "-fno-builtin", "-o", probe, probe + ".c", "-lm").Should().Be(string.Empty);
        Run(probe, library).Should().NotBe(Run(probe, null));
    }

    /// <summary>The stand-in compiled into the test's folder; skips (with the reason) where there is no gcc or no LD_PRELOAD.</summary>
    private string BuildStandIn()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Skip("LD_PRELOAD is Linux's dynamic loader; this platform has no equivalent the test drives");
        }

        string? gcc = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "gcc")).FirstOrDefault(File.Exists);
        if (gcc is null)
        {
            Assert.Skip("gcc is not installed, so the stand-in libm cannot be compiled");
        }

        string library = Path.Combine(_temp.Path, "libstandin.so");
        string source = Path.Combine(Repo.Root, "tests", "LrDecay.Cli.Tests", "StandInLibm", "standin-libm.c");
        Run(gcc, null, "-shared", "-fPIC", "-O2", "-o", library, source, "-ldl", "-lm").Should().Be(string.Empty);
        return library;
    }

    /// <summary><c>lrdecay</c> as a child process (the CLI's assembly beside the test's, run with the test's runtime config and deps).</summary>
    private static string RunChild(string preload, params string[] args)
    {
        string baseDirectory = AppContext.BaseDirectory;
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string[] full =
        [
            "exec",
            "--runtimeconfig", Path.Combine(baseDirectory, "LrDecay.Cli.Tests.runtimeconfig.json"),
            "--depsfile", Path.Combine(baseDirectory, "LrDecay.Cli.Tests.deps.json"),
            Path.Combine(baseDirectory, "LrDecay.Cli.dll"),
            .. args,
        ];
        return Run(host, preload, full);
    }

    /// <summary>Runs a program, with <c>LD_PRELOAD</c> when <paramref name="preload"/> is set; returns its output (fails on an error).</summary>
    private static string Run(string program, string? preload, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (preload is not null)
        {
            start.Environment["LD_PRELOAD"] = preload;
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)}: {error.Result}");
        return output;
    }
}
