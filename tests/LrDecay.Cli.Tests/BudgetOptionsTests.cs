using System.Text.Json;

namespace LrDecay.Cli.Tests;

/// <summary><c>--total-steps</c>, <c>--steps-per-epoch</c>, <c>--samples-per-step</c> and <c>--tokens-per-step</c> on eval, plot and validate.</summary>
public sealed class BudgetOptionsTests
{
    // Warm-up over 2.56M samples, then halve the rate every 25.6M samples.
    private static readonly string Samples = Path.Combine(Repo.Root, "docs", "examples", "samples.json");

    [Fact]
    public void Eval_OneConfig_OnOneGpuAndOnEightGpus_GivesTheSameRatesAtTheSameSamples()
    {
        // 256 samples a step: warm-up 2_560_000 / 256 = 10_000 steps, a halving every 25_600_000 / 256 = 100_000 steps.
        CliResult oneGpu = Cli.Run("eval", Samples, "--steps", "10000:210001:100000", "--samples-per-step", "256");
        // 8 GPUs, 2048 samples a step: warm-up 1250 steps, a halving every 12_500 steps; 8 times fewer steps for the same samples.
        CliResult eightGpus = Cli.Run("eval", Samples, "--steps", "1250:26251:12500", "--samples-per-step", "2048");

        oneGpu.ExitCode.Should().Be(0, oneGpu.Err);
        eightGpus.ExitCode.Should().Be(0, eightGpus.Err);
        // After warm-up 0.4, then 0.4 * 0.5 and 0.4 * 0.5^2 (the warm-up is a prefix: the step decay starts after it).
        oneGpu.Out.Should().Be("step,lr\n10000,0.4\n110000,0.2\n210000,0.1\n");
        eightGpus.Out.Should().Be("step,lr\n1250,0.4\n13750,0.2\n26250,0.1\n");
    }

    [Fact]
    public void Validate_WritesTheResolvedSteps()
    {
        CliResult result = Cli.Run(
            "validate",
            """{"type":"warmup","warmupSteps":{"fraction":0.05},"schedule":{"type":"multiStep","initialLr":0.1,"gamma":0.1,"milestones":[{"epochs":30},{"tokens":1e9}]}}""",
            "--total-steps", "1_000_000",
            "--steps-per-epoch", "1875",
            "--tokens-per-step", "16384");

        result.ExitCode.Should().Be(0, result.Err);
        using JsonDocument document = JsonDocument.Parse(result.Out["ok\n".Length..]);
        document.RootElement.GetProperty("warmupSteps").GetInt64().Should().Be(50_000); // 0.05 * 1_000_000
        JsonElement milestones = document.RootElement.GetProperty("schedule").GetProperty("milestones");
        milestones[0].GetInt64().Should().Be(56_250); // 30 * 1875
        milestones[1].GetInt64().Should().Be(61_035); // 1e9 / 16384 = 61035.16
    }

    [Fact]
    public void Plot_TakesTheBudget()
    {
        CliResult result = Cli.Run("plot", Samples, "--steps", "0:30000", "--samples-per-step", "256", "--width", "60", "--height", "8");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("samples");
    }

    [Fact]
    public void Plot_InlineConfigWithUnits_IsLabelledWithThem()
    {
        CliResult result = Cli.Run(
            "plot", """{"type":"cosine","initialLr":0.1,"decaySteps":{"epochs":2}}""", "--steps", "0:300", "--steps-per-epoch", "100", "--width", "60", "--height", "8");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Contain("cosine(initialLr=0.1, decaySteps=epochs:2)");
    }

    [Theory]
    [InlineData("eval", "--steps", "0:10")]
    [InlineData("plot", "--steps", "0:10")]
    [InlineData("validate")]
    public void UnitWithoutItsOption_IsBadInput_NamingTheOption(params string[] command)
    {
        string[] args = [command[0], Samples, .. command[1..]];

        CliResult result = Cli.Run(args);

        // The nested schedule is read first, so its step count is the first one found.
        result.ShouldBeBadInput("$.schedule.stepSize: 'samples' needs samplesPerStep, but no training budget was given. (give --samples-per-step)");
    }

    [Fact]
    public void UnitWithoutItsField_NamesTheOption()
    {
        CliResult result = Cli.Run("validate", """{"type":"cosine","initialLr":0.1,"decaySteps":{"fraction":0.9}}""", "--steps-per-epoch", "100");

        result.ShouldBeBadInput(
            "lrdecay: inline config: $.decaySteps: 'fraction' needs totalSteps, which the training budget (stepsPerEpoch=100) does not give. (give --total-steps)");
    }

    [Theory]
    [InlineData("--total-steps", "0", "--total-steps 0: must be greater than 0")]
    [InlineData("--steps-per-epoch", "-5", "--steps-per-epoch -5: must be greater than 0")]
    [InlineData("--samples-per-step", "abc", "--samples-per-step 'abc': not a whole number")]
    [InlineData("--tokens-per-step", "1.5", "--tokens-per-step '1.5': not a whole number")]
    [InlineData("--total-steps", "9223372036854775808", "--total-steps '9223372036854775808': not a whole number (a 64-bit integer")]
    public void BadValue_IsBadInput(string option, string value, string message)
    {
        foreach (string[] args in new[]
        {
            new[] { "eval", Samples, "--steps", "0:10", option, value },
            new[] { "plot", Samples, "--steps", "0:10", option, value },
            new[] { "validate", Samples, option, value },
        })
        {
            Cli.Run(args).ShouldBeBadInput(message);
        }
    }

    [Fact]
    public void ConfigInSteps_IgnoresTheBudget()
    {
        CliResult result = Cli.Run("eval", """{"type":"step","initialLr":0.4,"gamma":0.5,"stepSize":2}""", "--steps", "0:5:2", "--total-steps", "7");

        result.ExitCode.Should().Be(0, result.Err);
        result.Out.Should().Be("step,lr\n0,0.4\n2,0.2\n4,0.1\n"); // 0.4 * 0.5^(t/2)
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("plot")]
    [InlineData("validate")]
    public void Help_ListsTheBudgetOptions(string command)
    {
        CliResult result = Cli.Run(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--total-steps <N>").And.Contain("--steps-per-epoch <N>").And.Contain("--samples-per-step <N>").And.Contain("--tokens-per-step <N>");
    }

    [Fact]
    public void Read_WithoutAnyOption_IsNoBudget_AndWithSome_GivesThem()
    {
        var command = new System.CommandLine.Command("x");
        BudgetOptions options = BudgetOptions.AddTo(command);

        options.Read(command.Parse([])).Should().BeNull();
        TrainingBudget budget = options.Read(command.Parse(["--tokens-per-step", "4_096", "--total-steps", "10"]))!;
        budget.TokensPerStep.Should().Be(4096);
        budget.TotalSteps.Should().Be(10);
        budget.StepsPerEpoch.Should().BeNull();
        budget.SamplesPerStep.Should().BeNull();
    }
}
