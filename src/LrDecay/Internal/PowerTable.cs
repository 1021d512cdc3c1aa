using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary><c>scale * base^k</c> for integer <c>k &gt;= 0</c>, tabulated for small <c>k</c> (as <see cref="Math.Pow"/> gives it).</summary>
internal sealed class PowerTable
{
    private const int MaxEntries = 1024;
    private readonly double[] _table;
    private readonly double _scale;
    private readonly double _base;

    internal PowerTable(double scale, double @base)
    {
        _scale = scale;
        _base = @base;
        var values = new List<double>();
        for (int k = 0; k < MaxEntries; k++)
        {
            double v = scale * Math.Pow(@base, k);
            values.Add(v);
            if (v == 0.0 || @base == 1.0)
            {
                break;
            }
        }

        _table = values.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Get(long k)
    {
        double[] table = _table;
        return (ulong)k < (ulong)table.Length ? table[k] : Beyond(k);
    }

    /// <summary>The rare case past the table, out of line so the lookup itself inlines into the schedules.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Beyond(long k)
    {
        double[] table = _table;

        // Past the table: either the powers reached 0 (or base is 1) and stay there, or k is beyond the cached range.
        double last = table[table.Length - 1];
        if (last == 0.0 || _base == 1.0)
        {
            return last;
        }

        return _scale * Math.Pow(_base, k);
    }
}
