namespace LrDecay.Tests.Finder;

/// <summary>The finder's rules on small hand-made curves, and its errors.</summary>
public sealed class LearningRateFinderTests
{
    private static readonly double[] FiveLrs = [1e-4, 1e-3, 1e-2, 1e-1, 1];

    [Fact]
    public void Smoothing_is_a_bias_corrected_moving_average()
    {
        FinderResult result = LearningRateFinder.Analyze([1e-3, 1e-2, 1e-1], [1.0, 2.0, 3.0], new FinderOptions(FinderMethod.Minimum, beta: 0.5, skipStart: 0, skipEnd: 0));

        // avg0 = 0.5*1 = 0.5, /(1-0.5) = 1; avg1 = 0.25 + 0.5*2 = 1.25, /(1-0.25) = 5/3; avg2 = 0.625 + 1.5 = 2.125, /(1-0.125) = 17/7.
        result.SmoothedLosses.Should().Equal([1.0, 1.25 / 0.75, 2.125 / 0.875]);
        result.SmoothedLosses[1].Should().BeApproximately(5.0 / 3, 1e-15);
        result.SmoothedLosses[2].Should().BeApproximately(17.0 / 7, 1e-15);
    }

    [Fact]
    public void Steepest_is_the_most_negative_unit_step_gradient()
    {
        // beta 0 keeps the losses; gradient [4-5, (2-5)/2, (1.5-4)/2, (1.4-2)/2, 1.4-1.5] = [-1, -1.5, -1.25, -0.3, -0.1]: index 1.
        FinderResult result = LearningRateFinder.Analyze(FiveLrs, [5, 4, 2, 1.5, 1.4], new FinderOptions(beta: 0, skipStart: 0, skipEnd: 0));

        result.SuggestedIndex.Should().Be(1);
        result.SuggestedLearningRate.Should().Be(1e-3);
        result.Method.Should().Be(FinderMethod.Steepest);
    }

    [Fact]
    public void Steepest_log_takes_the_lr_spacing_into_account()
    {
        // lrs 1, 2, 4, 100, 200: log10 steps h = 0.30103, 0.30103, 1.39794, 0.30103. Losses 10, 9.5, 9.1, 7, 6.9.
        // Unit spacing: [9.5-10, (9.1-10)/2, (7-9.5)/2, (6.9-9.1)/2, 6.9-7] = [-0.5, -0.45, -1.25, -1.1, -0.1]: index 2, the big
        // fall that is spread over 1.4 decades.
        // log10(lr): index 0 is -0.5/0.30103 = -1.66096; index 1 (equal steps) -0.9/0.60206 = -1.49487; index 2 with h1 = 0.30103,
        // h2 = 1.39794: a = -h2/(h1(h1+h2)), b = (h2-h1)/(h1 h2), c = h1/(h2(h1+h2)), a*9.5 + b*9.1 + c*7 = -1.35950; index 3
        // -0.53950; index 4 -0.1/0.30103 = -0.33219 (torch.gradient gives the same five values): index 0.
        double[] lrs = [1, 2, 4, 100, 200];
        double[] losses = [10, 9.5, 9.1, 7, 6.9];
        var unit = LearningRateFinder.Analyze(lrs, losses, new FinderOptions(FinderMethod.Steepest, beta: 0, skipStart: 0, skipEnd: 0));
        var log = LearningRateFinder.Analyze(lrs, losses, new FinderOptions(FinderMethod.SteepestLogLr, beta: 0, skipStart: 0, skipEnd: 0));
        unit.SuggestedIndex.Should().Be(2);
        unit.SuggestedLearningRate.Should().Be(4);
        log.SuggestedIndex.Should().Be(0);
        log.SuggestedLearningRate.Should().Be(1);
    }

    [Fact]
    public void Divergence_ends_the_usable_range_after_the_diverging_point()
    {
        // beta 0: smoothed = losses. Lowest before index 3 is 1; 4.5 > 4*1, so the sweep diverged at 3 and 4 points count.
        FinderResult result = LearningRateFinder.Analyze(
            [1, 2, 3, 4, 5, 6], [2, 1, 4, 4.5, 1, 1], new FinderOptions(FinderMethod.Minimum, beta: 0, skipStart: 0, skipEnd: 1));

        result.DivergedIndex.Should().Be(3);
        result.UsableEnd.Should().Be(4);
        result.SearchEnd.Should().Be(3);

        // Minimum over indices 0..2 (2, 1, 4): index 1, lr 2 / 10.
        result.SuggestedIndex.Should().Be(1);
        result.SuggestedLearningRate.Should().Be(0.2);
    }

    [Fact]
    public void Exactly_factor_times_the_best_is_not_a_divergence()
    {
        FinderResult result = LearningRateFinder.Analyze([1, 2, 3], [1, 4, 1], new FinderOptions(FinderMethod.Minimum, beta: 0, skipStart: 0, skipEnd: 0));
        result.DivergedIndex.Should().BeNull();
        result.UsableEnd.Should().Be(3);
    }

    [Fact]
    public void An_infinite_factor_turns_the_check_off()
    {
        FinderResult result = LearningRateFinder.Analyze(
            [1, 2, 3], [1, 1e300, 1], new FinderOptions(FinderMethod.Minimum, beta: 0, divergenceFactor: double.PositiveInfinity, skipStart: 0, skipEnd: 0));
        result.DivergedIndex.Should().BeNull();
        result.UsableEnd.Should().Be(3);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_loss_ends_the_usable_range_before_it(double bad)
    {
        FinderResult result = LearningRateFinder.Analyze(FiveLrs, [3, 2, 1, bad, 0.5], new FinderOptions(FinderMethod.Minimum, beta: 0, skipStart: 0, skipEnd: 0));
        result.NonFiniteLossIndex.Should().Be(3);
        result.UsableEnd.Should().Be(3);
        result.DivergedIndex.Should().BeNull();

        // Minimum of 3, 2, 1: index 2, lr 1e-2 / 10.
        result.SuggestedIndex.Should().Be(2);
        result.SuggestedLearningRate.Should().Be(1e-3);
    }

    [Fact]
    public void Steepest_can_be_the_last_point()
    {
        // beta 0: gradient [4.9-5, (4.8-5)/2, (4.7-4.9)/2, (1-4.8)/2, 1-4.7] = [-0.1, -0.1, -0.1, -1.9, -3.7]: the one-sided last
        // difference is the steepest.
        FinderResult result = LearningRateFinder.Analyze(FiveLrs, [5, 4.9, 4.8, 4.7, 1], new FinderOptions(beta: 0, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(4);
    }

    [Fact]
    public void Steepest_log_can_be_the_last_point()
    {
        // log10(lr) = 0, 0.5, 1, 1.5, 2 (steps h = 0.5): gradient [-0.1/0.5, -0.2/1, -0.2/1, (1-4.8)/1, (1-4.7)/0.5] =
        // [-0.2, -0.2, -0.2, -3.8, -7.4]: the last point, whose one-sided difference is divided by its step.
        double[] lrs = [1, Math.Sqrt(10), 10, Math.Sqrt(1000), 100];
        FinderResult result = LearningRateFinder.Analyze(lrs, [5, 4.9, 4.8, 4.7, 1], new FinderOptions(FinderMethod.SteepestLogLr, beta: 0, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(4);
    }

    [Fact]
    public void A_divergence_that_leaves_exactly_enough_points_is_searched()
    {
        // beta 0: index 1 (1000 > 4 * 1) diverges, so [0, 2) counts: the 2 points a gradient needs.
        FinderResult result = LearningRateFinder.Analyze(FiveLrs, [1, 1000, 1, 1, 1], new FinderOptions(beta: 0, skipStart: 0, skipEnd: 0));
        result.DivergedIndex.Should().Be(1);
        result.SearchEnd.Should().Be(2);
        result.SuggestedIndex.Should().Be(0); // gradient [999, 999]: the first
    }

    [Theory]
    [InlineData(FinderMethod.Minimum, 0.1)] // a tenth of the lowest point's lr
    [InlineData(FinderMethod.Valley, 1.0)]
    public void Minimum_and_valley_need_one_point(FinderMethod method, double expected)
    {
        FinderResult result = LearningRateFinder.Analyze([1.0], [2.0], new FinderOptions(method, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(0);
        result.SuggestedLearningRate.Should().Be(expected);
    }

    [Theory]
    [InlineData(FinderMethod.Steepest, "steepest", 2)]
    [InlineData(FinderMethod.SteepestLogLr, "steepest-log", 2)]
    [InlineData(FinderMethod.Valley, "valley", 1)]
    [InlineData(FinderMethod.Minimum, "minimum", 1)]
    public void Too_few_points_names_the_method_and_what_it_needs(FinderMethod method, string name, int needed)
    {
        Action act = () => LearningRateFinder.Analyze([], [], new FinderOptions(method, skipStart: 0, skipEnd: 0));
        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .StartWith($"lrs and losses have 0 points; {name} with skipStart 0 and skipEnd 0 needs at least {needed}.");
    }

    [Fact]
    public void An_undefined_method_is_an_error_naming_it()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new FinderOptions((FinderMethod)7));
        error.ParamName.Should().Be("method");
        error.Message.Should().StartWith("method ('7') must be 'Steepest', 'SteepestLogLr', 'Valley' or 'Minimum'.");
    }

    [Fact]
    public void Minimum_takes_the_first_of_equal_lows()
    {
        FinderResult result = LearningRateFinder.Analyze(FiveLrs, [3, 1, 2, 1, 5], new FinderOptions(FinderMethod.Minimum, beta: 0, divergenceFactor: 10, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(1);
    }

    [Fact]
    public void Valley_picks_about_halfway_along_the_longest_decreasing_subsequence()
    {
        // 9, 8, 10, 7, 6, 11, 5, 4, 3, 12: the longest strictly decreasing subsequence 9 8 7 6 5 4 3 (length 7) ends at index 8;
        // fastai's start is 8 - 7 = 1, d = 7: pick 1 + floor(7/3) + floor(7/6) = 1 + 2 + 1 = 4.
        double[] losses = [9, 8, 10, 7, 6, 11, 5, 4, 3, 12];
        double[] lrs = Enumerable.Range(0, 10).Select(i => Math.Pow(10, -5 + (0.5 * i))).ToArray();
        FinderResult result = LearningRateFinder.Analyze(lrs, losses, new FinderOptions(FinderMethod.Valley, beta: 0, divergenceFactor: 100, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(4);
        result.SuggestedLearningRate.Should().Be(lrs[4]);
    }

    [Fact]
    public void Valley_of_a_two_point_run_at_the_start_is_the_first_point()
    {
        // 2, 1, 5: fastai's run ends at 1 with length 2, start -1, pick -1 + 0 + 0 = -1, which Python reads as the last point. Here: 0.
        FinderResult result = LearningRateFinder.Analyze([1, 2, 3], [2, 1, 5], new FinderOptions(FinderMethod.Valley, beta: 0, divergenceFactor: 100, skipStart: 0, skipEnd: 0));
        result.SuggestedIndex.Should().Be(0);
    }

    [Fact]
    public void Valley_finds_the_same_run_as_fastais_quadratic_loop()
    {
        var random = new Random(12345);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = random.Next(1, 60);
            double[] f = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 8)).ToArray();
            LearningRateFinder.Valley(f, 0, n).Should().Be(Math.Max(QuadraticValley(f), 0), $"trial {trial}: [{string.Join(", ", f)}]");
        }
    }

    [Fact]
    public void Lengths_that_differ_are_an_error()
    {
        Action act = () => LearningRateFinder.Analyze([1, 2, 3], [1, 2]);
        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("losses has 2 values and lrs has 3");
    }

    [Theory]
    [InlineData(0.0, "lrs[2] ('0') must be a finite value greater than '0'")]
    [InlineData(-1e-3, "lrs[2] ('-0.001') must be a finite value greater than '0'")]
    [InlineData(double.NaN, "lrs[2] ('NaN') must be a finite value greater than '0'")]
    [InlineData(double.PositiveInfinity, "lrs[2] ('Infinity') must be a finite value greater than '0'")]
    public void A_bad_lr_is_an_error_naming_its_index(double lr, string message)
    {
        double[] lrs = [1e-3, 1e-2, lr, 1];
        Action act = () => LearningRateFinder.Analyze(lrs, [1, 1, 1, 1]);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void Too_few_points_for_the_skips_is_an_error()
    {
        // 10 skipped at the start, 1 at the end and 2 for a gradient: 13.
        Action act = () => LearningRateFinder.Analyze(Enumerable.Repeat(0.1, 12).ToArray(), Enumerable.Repeat(1.0, 12).ToArray());
        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("lrs and losses have 12 points; steepest with skipStart 10 and skipEnd 1 needs at least 13.");
    }

    [Fact]
    public void A_divergence_that_leaves_nothing_to_search_is_an_error()
    {
        double[] lrs = Enumerable.Range(1, 20).Select(i => i * 0.01).ToArray();
        double[] losses = Enumerable.Range(0, 20).Select(i => i < 5 ? 1.0 : 100.0).ToArray();

        // beta 0: index 5 is 100 > 4*1, so [0, 6) counts; without 10 at the start nothing remains.
        Action act = () => LearningRateFinder.Analyze(lrs, losses, new FinderOptions(beta: 0));
        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .StartWith("the sweep diverged at index 5 (smoothed loss '100' above 4 times the lowest before it), so only the points [0, 6) count; "
                + "without the first 10 and the last 1 points, 0 remain and steepest needs at least 2.");
    }

    [Fact]
    public void An_early_non_finite_loss_that_leaves_nothing_to_search_is_an_error()
    {
        double[] lrs = Enumerable.Range(1, 20).Select(i => i * 0.01).ToArray();
        double[] losses = Enumerable.Range(0, 20).Select(i => i == 3 ? double.NaN : 1.0).ToArray();
        Action act = () => LearningRateFinder.Analyze(lrs, losses, new FinderOptions(FinderMethod.Valley));
        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("the loss at index 3 is 'NaN', so only the points [0, 3) count");
    }

    [Fact]
    public void Steepest_log_needs_strictly_increasing_lrs()
    {
        Action act = () => LearningRateFinder.Analyze([1e-3, 1e-2, 1e-2, 1e-1], [4, 3, 2, 1], new FinderOptions(FinderMethod.SteepestLogLr, skipStart: 0, skipEnd: 0));
        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .StartWith("lrs[2] ('0.01') is not greater than lrs[1] ('0.01'): steepest-log needs lrs that increase strictly over the searched points.");
    }

    [Theory]
    [InlineData(-0.1, 4, 10, 1, "beta ('-0.1') must be in [0, 1)")]
    [InlineData(1.0, 4, 10, 1, "beta ('1') must be in [0, 1)")]
    [InlineData(double.NaN, 4, 10, 1, "beta ('NaN') must be in [0, 1)")]
    [InlineData(0.98, 1.0, 10, 1, "divergenceFactor ('1') must be greater than '1'")]
    [InlineData(0.98, double.NaN, 10, 1, "divergenceFactor ('NaN') must be greater than '1'")]
    [InlineData(0.98, 4, -1, 1, "skipStart ('-1') must be a non-negative value")]
    [InlineData(0.98, 4, 10, -2, "skipEnd ('-2') must be a non-negative value")]
    public void Bad_options_are_errors_naming_the_setting(double beta, double factor, int skipStart, int skipEnd, string message)
    {
        Action act = () => _ = new FinderOptions(FinderMethod.Steepest, beta, factor, skipStart, skipEnd);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void Default_options_are_the_issue_defaults()
    {
        FinderOptions o = FinderOptions.Default;
        (o.Method, o.Beta, o.DivergenceFactor, o.SkipStart, o.SkipEnd).Should().Be((FinderMethod.Steepest, 0.98, 4.0, 10, 1));
        o.WithMethod(FinderMethod.Valley).Method.Should().Be(FinderMethod.Valley);
    }

    /// <summary>fastai's valley loop as written there, returning its index (which may be -1).</summary>
    private static int QuadraticValley(double[] losses)
    {
        int n = losses.Length;
        int maxStart = 0;
        int maxEnd = 0;
        int[] lds = Enumerable.Repeat(1, n).ToArray();
        for (int i = 1; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (losses[i] < losses[j] && lds[i] < lds[j] + 1)
                {
                    lds[i] = lds[j] + 1;
                }

                if (lds[maxEnd] < lds[i])
                {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }

        double sections = (maxEnd - maxStart) / 3.0;
        return maxStart + (int)sections + (int)(sections / 2);
    }
}
