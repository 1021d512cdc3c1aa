using System.Globalization;
using LrDecay.Internal;

namespace LrDecay;

/// <summary>
/// Reads a learning-rate range test: from the lrs and losses recorded at each step of a sweep (for example one driven by
/// <see cref="Schedules.RangeTest"/>), the smoothed curve, where the sweep diverged, and a suggested learning rate.
/// </summary>
/// <remarks>
/// <para>
/// Smoothing: an exponential moving average with bias correction, <c>avg[i] = beta * avg[i-1] + (1 - beta) * loss[i]</c> from
/// <c>avg[-1] = 0</c>, <c>smoothed[i] = avg[i] / (1 - beta^(i+1))</c>, for every method.
/// </para>
/// <para>
/// Usable range: it ends after the first point (from the second on) whose smoothed loss is above
/// <see cref="FinderOptions.DivergenceFactor"/> times the lowest smoothed loss before it, that point included, or before the first
/// loss that is NaN or infinite, whichever comes first. The method then searches the usable range without its first
/// <see cref="FinderOptions.SkipStart"/> and last <see cref="FinderOptions.SkipEnd"/> points.
/// </para>
/// <para>
/// The divergence check compares with a multiple of the lowest loss, so it means what it says for positive losses (cross-entropy,
/// squared error); for losses that can be negative, pass <see cref="double.PositiveInfinity"/> as the factor.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// FinderResult result = LearningRateFinder.Analyze(lrs, losses);
/// Console.WriteLine($"{result.SuggestedLearningRate} ({result.Method})");
/// </code>
/// </example>
public static class LearningRateFinder
{
    /// <summary><c>1 / ln 10</c>: a log10 from LrDecay's own natural log.</summary>
    private const double InverseLn10 = 0.4342944819032518;

    /// <summary>Analyzes a range test and suggests a learning rate.</summary>
    /// <param name="lrs">The learning rate of each step. Range: every value finite and <c>&gt; 0</c>.</param>
    /// <param name="losses">The loss of each step (raw, not smoothed), as many as <paramref name="lrs"/>.</param>
    /// <param name="options">The method and its settings; null for <see cref="FinderOptions.Default"/>.</param>
    /// <returns>The suggestion, the smoothed curve of the usable range, and where it ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lrs"/> or <paramref name="losses"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An lr is not finite or not positive; the message names its index and value.</exception>
    /// <exception cref="ArgumentException">
    /// The lengths differ; there are too few points for the skips and the method; the sweep diverged or met a non-finite loss too
    /// early to leave points to search; or, for <see cref="FinderMethod.SteepestLogLr"/>, the searched lrs do not increase strictly.
    /// </exception>
    public static FinderResult Analyze(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, FinderOptions? options = null)
    {
        Guard.NotNull(lrs);
        Guard.NotNull(losses);
        options ??= FinderOptions.Default;
        if (lrs.Count != losses.Count)
        {
            throw new ArgumentException(
                $"losses has {Count(losses.Count)} values and lrs has {Count(lrs.Count)}: they must have one value per step each.", nameof(losses));
        }

        for (int i = 0; i < lrs.Count; i++)
        {
            double lr = lrs[i];
            if (!(lr > 0.0) || double.IsInfinity(lr))
            {
                throw new ArgumentOutOfRangeException(nameof(lrs), lr, $"lrs[{Count(i)}] ('{Guard.Format(lr)}') must be a finite value greater than '0'.");
            }
        }

        FinderMethod method = options.Method;
        int needed = MinimumSearchPoints(method);
        long required = (long)options.SkipStart + options.SkipEnd + needed;
        if (lrs.Count < required)
        {
            throw new ArgumentException(
                $"lrs and losses have {Count(lrs.Count)} points; {MethodName(method)} with skipStart {Count(options.SkipStart)} and skipEnd {Count(options.SkipEnd)} "
                + $"needs at least {required.ToString(CultureInfo.InvariantCulture)}.",
                nameof(losses));
        }

        double[] smoothed = Smooth(losses, options.Beta, options.DivergenceFactor, out int? divergedIndex, out int? nonFiniteIndex);
        int searchStart = options.SkipStart;
        int searchEnd = smoothed.Length - options.SkipEnd;
        if (searchEnd - searchStart < needed)
        {
            string why = divergedIndex is int d
                ? $"the sweep diverged at index {Count(d)} (smoothed loss '{Guard.Format(smoothed[d])}' above {Guard.Format(options.DivergenceFactor)} times the lowest before it)"
                : $"the loss at index {Count(nonFiniteIndex!.Value)} is '{Guard.Format(losses[nonFiniteIndex.Value])}'";
            throw new ArgumentException(
                $"{why}, so only the points [0, {Count(smoothed.Length)}) count; without the first {Count(options.SkipStart)} and the last {Count(options.SkipEnd)} points, "
                + $"{Count(Math.Max(0, searchEnd - searchStart))} remain and {MethodName(method)} needs at least {Count(needed)}.",
                nameof(losses));
        }

        int index = method switch
        {
            FinderMethod.Steepest => searchStart + ArgMin(UnitGradient(smoothed, searchStart, searchEnd)),
            FinderMethod.SteepestLogLr => searchStart + ArgMin(LogLrGradient(lrs, smoothed, searchStart, searchEnd)),
            FinderMethod.Valley => searchStart + Valley(smoothed, searchStart, searchEnd),
            _ => searchStart + ArgMin(new ArraySegment<double>(smoothed, searchStart, searchEnd - searchStart)),
        };
        double suggestion = method == FinderMethod.Minimum ? lrs[index] / 10 : lrs[index];
        return new FinderResult(method, suggestion, index, smoothed, divergedIndex, nonFiniteIndex, searchStart, searchEnd);
    }

    /// <summary>The smoothed losses of the usable range, with where and why it ends.</summary>
    private static double[] Smooth(IReadOnlyList<double> losses, double beta, double factor, out int? divergedIndex, out int? nonFiniteIndex)
    {
        divergedIndex = null;
        nonFiniteIndex = null;
        var smoothed = new List<double>(losses.Count);
        double average = 0.0;
        double best = double.PositiveInfinity;
        for (int i = 0; i < losses.Count; i++)
        {
            double loss = losses[i];
            if (double.IsNaN(loss) || double.IsInfinity(loss))
            {
                nonFiniteIndex = i;
                break;
            }

            average = (beta * average) + ((1 - beta) * loss);
            double value = average / (1 - Elementary.Pow(beta, i + 1));
            smoothed.Add(value);
            if (i > 0 && value > factor * best)
            {
                divergedIndex = i;
                break;
            }

            if (value < best)
            {
                best = value;
            }
        }

        return smoothed.ToArray();
    }

    /// <summary><c>torch.gradient</c> with unit spacing and edge order 1: one-sided differences at the ends, central ones inside.</summary>
    private static double[] UnitGradient(double[] f, int start, int end)
    {
        int m = end - start;
        var g = new double[m];
        g[0] = f[start + 1] - f[start];
        for (int k = 1; k < m - 1; k++)
        {
            g[k] = (f[start + k + 1] - f[start + k - 1]) / 2.0;
        }

        g[m - 1] = f[end - 1] - f[end - 2];
        return g;
    }

    /// <summary>
    /// <c>torch.gradient</c> against the coordinates <c>log10(lr)</c>, edge order 1: with <c>h1</c>, <c>h2</c> the steps on either side,
    /// <c>a = -h2/(h1(h1+h2))</c>, <c>b = (h2-h1)/(h1 h2)</c>, <c>c = h1/(h2(h1+h2))</c> and <c>g = a f[-1] + b f[0] + c f[+1]</c>, in that order.
    /// </summary>
    private static double[] LogLrGradient(IReadOnlyList<double> lrs, double[] f, int start, int end)
    {
        int m = end - start;
        var x = new double[m];
        for (int k = 0; k < m; k++)
        {
            x[k] = Elementary.Log(lrs[start + k]) * InverseLn10;
            if (k > 0 && !(x[k] > x[k - 1]))
            {
                int i = start + k;
                throw new ArgumentException(
                    $"lrs[{Count(i)}] ('{Guard.Format(lrs[i])}') is not greater than lrs[{Count(i - 1)}] ('{Guard.Format(lrs[i - 1])}'): "
                    + $"{MethodName(FinderMethod.SteepestLogLr)} needs lrs that increase strictly over the searched points.",
                    nameof(lrs));
            }
        }

        var g = new double[m];
        g[0] = (f[start + 1] - f[start]) / (x[1] - x[0]);
        for (int k = 1; k < m - 1; k++)
        {
            double h1 = x[k] - x[k - 1];
            double h2 = x[k + 1] - x[k];
            double a = -h2 / (h1 * (h1 + h2));
            double b = (h2 - h1) / (h1 * h2);
            double c = h1 / (h2 * (h1 + h2));
            g[k] = (a * f[start + k - 1]) + (b * f[start + k]) + (c * f[start + k + 1]);
        }

        g[m - 1] = (f[end - 1] - f[end - 2]) / (x[m - 1] - x[m - 2]);
        return g;
    }

    /// <summary>
    /// fastai's <c>valley</c> on <c>f[start..end)</c>, as a position in it. With <c>lds[i]</c> the length of the longest strictly decreasing
    /// subsequence ending at <c>i</c>, <c>runEnd</c> the first position of the longest and <c>runStart = runEnd - lds[runEnd]</c>
    /// (0 when <c>runEnd</c> is 0), the pick is <c>runStart + floor(d/3) + floor(d/6)</c>, <c>d = runEnd - runStart</c> (fastai:
    /// <c>int(sections) + int(sections / 2)</c>, <c>sections = d / 3</c>). fastai finds <c>lds</c> in <c>O(n^2)</c>; here a patience
    /// search finds the same lengths in <c>O(n log n)</c>. A pick before the window (fastai: index <c>-1</c>, which Python reads as the
    /// last point) is the first point.
    /// </summary>
    internal static int Valley(double[] f, int start, int end)
    {
        int m = end - start;

        // tails[k]: the highest last value of a strictly decreasing subsequence of length k + 1 seen so far.
        var tails = new double[m];
        int longest = 0;
        int runEnd = 0;
        int runLength = 1;
        for (int i = 0; i < m; i++)
        {
            double value = f[start + i];

            // The first length whose tail is not above value: every shorter one ends above it and can take it next.
            int lo = 0;
            int hi = longest;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (tails[mid] > value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            tails[lo] = value;
            if (lo == longest)
            {
                longest++;
            }

            int length = lo + 1;
            if (length > runLength)
            {
                runLength = length;
                runEnd = i;
            }
        }

        int runStart = runEnd == 0 ? 0 : runEnd - runLength;
        double sections = (runEnd - runStart) / 3.0;
        int pick = runStart + (int)sections + (int)(sections / 2);
        return Math.Max(pick, 0);
    }

    private static int ArgMin(IReadOnlyList<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static int MinimumSearchPoints(FinderMethod method) => method is FinderMethod.Steepest or FinderMethod.SteepestLogLr ? 2 : 1;

    private static string MethodName(FinderMethod method) => method switch
    {
        FinderMethod.Steepest => "steepest",
        FinderMethod.SteepestLogLr => "steepest-log",
        FinderMethod.Valley => "valley",
        _ => "minimum",
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
