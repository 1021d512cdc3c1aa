using System.Globalization;
using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>Argument checks shared by every schedule; messages name the parameter and its value.</summary>
internal static class Guard
{
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowOutOfRange(string paramName, object value, string requirement) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{FormatObject(value)}') {requirement}.");

    private static string FormatObject(object value) => value switch
    {
        double d => Format(d),
        long l => Format(l),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Throws unless <paramref name="step"/> is <c>&gt;= 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Step(long step)
    {
        if (step < 0)
        {
            ThrowNegativeStep(step);
        }
    }

    /// <summary>
    /// Throws directly (not through <see cref="ThrowOutOfRange"/>), so the JIT sees a method that never returns: the call stays in a
    /// cold block and values live across it need not be kept in memory on the hot path.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNegativeStep(long step) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, $"step ('{Format(step)}') must be a non-negative value.");

    /// <summary>A learning rate: finite and <c>&gt;= 0</c>.</summary>
    internal static void LearningRate(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            ThrowOutOfRange(paramName!, value, "must be a finite value greater than or equal to '0'");
        }
    }

    /// <summary>Finite and <c>&gt; 0</c>.</summary>
    internal static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0.0) || double.IsInfinity(value))
        {
            ThrowOutOfRange(paramName!, value, "must be a finite value greater than '0'");
        }
    }

    /// <summary>Finite and <c>&gt;= 0</c>.</summary>
    internal static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            ThrowOutOfRange(paramName!, value, "must be a finite value greater than or equal to '0'");
        }
    }

    /// <summary>In <c>(0, 1]</c>.</summary>
    internal static void InUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0.0) || value > 1.0)
        {
            ThrowOutOfRange(paramName!, value, "must be greater than '0' and less than or equal to '1'");
        }
    }

    /// <summary>In <c>(0, 1)</c>.</summary>
    internal static void InOpenUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0.0) || !(value < 1.0))
        {
            ThrowOutOfRange(paramName!, value, "must be greater than '0' and less than '1'");
        }
    }

    /// <summary>In <c>[0, 1]</c>.</summary>
    internal static void InClosedUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 0.0) || value > 1.0)
        {
            ThrowOutOfRange(paramName!, value, "must be greater than or equal to '0' and less than or equal to '1'");
        }
    }

    /// <summary>Finite and <c>&gt;= 1</c>.</summary>
    internal static void AtLeastOne(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= 1.0) || double.IsInfinity(value))
        {
            ThrowOutOfRange(paramName!, value, "must be a finite value greater than or equal to '1'");
        }
    }

    /// <summary>A step count <c>&gt; 0</c>.</summary>
    internal static void PositiveSteps(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0)
        {
            ThrowOutOfRange(paramName!, value, "must be greater than '0'");
        }
    }

    /// <summary>A step count <c>&gt;= 0</c>.</summary>
    internal static void NonNegativeSteps(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            ThrowOutOfRange(paramName!, value, "must be greater than or equal to '0'");
        }
    }

    /// <summary>A momentum range: both finite and <c>&gt;= 0</c>, <paramref name="maxMomentum"/> not below <paramref name="baseMomentum"/>.</summary>
    internal static void MomentumRange(double baseMomentum, double maxMomentum)
    {
        NonNegative(baseMomentum);
        NonNegative(maxMomentum);
        if (maxMomentum < baseMomentum)
        {
            ThrowOutOfRange(nameof(maxMomentum), maxMomentum, $"must be greater than or equal to baseMomentum ('{Format(baseMomentum)}')");
        }
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    internal static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    /// <summary>Steps strictly increasing and each <c>&gt; 0</c> (or <c>&gt;= 0</c> when <paramref name="allowZero"/>); returns a private copy.</summary>
    internal static long[] IncreasingSteps(IEnumerable<long>? values, string paramName, bool allowZero = false)
    {
        long[] copy = NotNull(values, paramName).ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] < 0 || (copy[i] == 0 && !allowZero))
            {
                string bound = allowZero ? "greater than or equal to '0'" : "greater than '0'";
                throw new ArgumentException($"{paramName}[{i}] ('{Format(copy[i])}') must be {bound}.", paramName);
            }

            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw new ArgumentException(
                    $"{paramName} must be strictly increasing: {paramName}[{i}] ('{Format(copy[i])}') is not greater than {paramName}[{i - 1}] ('{Format(copy[i - 1])}').",
                    paramName);
            }
        }

        return copy;
    }

    private const int ShortList = 8;

    /// <summary>The number of entries of the sorted <paramref name="sorted"/> that are <c>&lt;= step</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountAtMost(long[] sorted, long step)
    {
        if (sorted.Length <= ShortList)
        {
            // A few milestones (the usual case): count them without the search's branches.
            int count = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                count += sorted[i] <= step ? 1 : 0;
            }

            return count;
        }

        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] <= step)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
