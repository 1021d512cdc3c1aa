using System.Numerics;
using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// <c>scale * base^k</c> for integer <c>k &gt;= 0</c> at a cost that does not depend on <c>k</c>: tabulated for <c>k &lt; 4096</c> (as
/// LrDecay's own <see cref="Elementary.Pow"/> gives it), and past that <c>scale</c> times <c>base^k</c> correctly rounded, from one
/// factor per base-1024 digit of <c>k</c>.
/// </summary>
/// <remarks>
/// <para>
/// <c>k = j + 1024 m1 + 1024^2 m2 + ...</c>; level <c>l</c> holds <c>base^(m 1024^l)</c> for every digit <c>m</c> as a double-double
/// (<c>hi + lo</c>, within 2^-106) times a binary exponent kept apart, computed once with a 128-bit significand, so a factor never
/// underflows however small. The factors multiply as double-doubles (an exact product by a fused multiply-add and its cross terms),
/// the exponents add as integers, and the sum rounds once: <c>base^k</c> correctly rounded (up to the 2^-100 of the double-doubles),
/// also where it is subnormal (rounded from the bits, without a subnormal product), then times <c>scale</c> as before. Below 2^20
/// (two digits) this is inline with the exponents folded into the stored doubles.
/// </para>
/// <para>
/// Against <c>scale * Elementary.Pow(base, k)</c> past the table the only differences are the pow's own (within 0.52 ulp, not
/// always correctly rounded); the tests bound the distance and check exact powers.
/// The tables reach only as far as the power can be non-zero: from <c>ZeroFrom</c> on (<c>base^k &lt; 2^-1076</c>, below half the
/// smallest subnormal) the result is 0 straight away.
/// </para>
/// </remarks>
internal sealed class PowerTable
{
    private const int DigitBits = 10;
    private const int MaxEntries = 1 << DigitBits;
    private const int DigitMask = MaxEntries - 1;
    private const int WideBits = 128;

    /// <summary><c>ln 2</c>.</summary>
    private const double Ln2 = 0.6931471805599453;

    /// <summary>
    /// Entries of the direct table: up to 4096 powers, so a rate whose powers underflow within them (0.5 at 1075) never leaves it, and a
    /// staircase's first 4096 stairs cost one load.
    /// </summary>
    private const int TableEntries = 4 * MaxEntries;

    /// <summary>2^-960: above it the two-digit path's error terms (about 2^-53 of the power) stay normal, so it rounds as the exact path.</summary>
    private const double TwoDigitFloor = 1.0261342003245941E-289;

    private readonly double[] _table;
    private readonly double _scale;
    private readonly long _zeroFrom;
    private readonly double _tail;
    private readonly Level[] _levels;
    private readonly double[] _first;
    private readonly double[] _second;

    internal PowerTable(double scale, double @base)
    {
        _scale = scale;
        var values = new List<double>();
        for (int k = 0; k < TableEntries; k++)
        {
            double v = scale * Elementary.Pow(@base, k);
            values.Add(v);
            if (v == 0.0 || @base == 1.0)
            {
                break;
            }
        }

        _table = values.ToArray();
        double last = _table[_table.Length - 1];
        if (_table.Length < TableEntries || last == 0.0)
        {
            // The powers reached 0 (or base is 1): every later k gives the last entry.
            _zeroFrom = _table.Length;
            _tail = last;
            _levels = [];
            _first = _second = [];
            return;
        }

        _zeroFrom = ZeroFrom(@base);
        _tail = scale * 0.0;
        var levels = new List<Level>();
        Wide step = Wide.Of(@base);

        // Level l holds base^(m 1024^l) for the digit m of 1024^l; it is needed while 1024^l is below the first zero.
        for (int level = 0; level * DigitBits < 63 && (level == 0 || (_zeroFrom - 1) >> (level * DigitBits) > 0); level++)
        {
            long length = Math.Min(MaxEntries, ((_zeroFrom - 1) >> (level * DigitBits)) + 1);
            levels.Add(new Level(step, (int)length));
            for (int i = 0; i < DigitBits; i++)
            {
                step *= step;
            }
        }

        _levels = levels.ToArray();
        _first = _levels[0].Interleaved();
        _second = _levels.Length > 1 ? _levels[1].Interleaved() : [];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Get(long k)
    {
        double[] table = _table;
        if ((ulong)k < (ulong)table.Length)
        {
            return table[k];
        }

        if (k >= _zeroFrom)
        {
            return _tail;
        }

        if (k < 1L << (2 * DigitBits))
        {
            // Two digits (k below 2^20, the usual case past the table): base^j times base^(1024 m), both as double-doubles, in one
            // exact product and its error term; the sum rounds once, to base^k correctly rounded (up to the double-doubles' 2^-100),
            // the same value the exact path below gives. A power below 2^-960 (or a factor not stored, 0) takes that path.
            int j = (int)(k & DigitMask) << 1;
            int m = (int)(k >> DigitBits) << 1;
            double hi = Element(_first, j);
            double factorHi = Element(_second, m);
            double cross = (hi * Element(_second, m + 1)) + (Element(_first, j + 1) * factorHi);
            // hi * factorHi + cross: the product's exact error and the cross terms first, then one sum (the same operations on every
            // build; a fused multiply-add of the three would round differently where it is not available).
            double product = hi * factorHi;
            double power = product + (TwoProductError(hi, factorHi, product) + cross);
            if (power >= TwoDigitFloor)
            {
                return _scale * power;
            }
        }

        return Beyond(k);
    }

    /// <summary>Past the table and before the powers underflow: out of line so the lookup itself inlines into the schedules.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Beyond(long k)
    {
        Level[] levels = _levels;
        Level first = levels[0];
        int j = (int)(k & DigitMask);
        double hi = first.Hi[j];
        double lo = first.Lo[j];
        long exponent = first.Exponents[j];
        long rest = k >> DigitBits;
        for (int level = 1; level < levels.Length && rest != 0; level++)
        {
            Level current = levels[level];
            int digit = (int)(rest & DigitMask);
            double factorHi = current.Hi[digit];
            double product = hi * factorHi;
            double error = TwoProductError(hi, factorHi, product) + ((hi * current.Lo[digit]) + (lo * factorHi));
            hi = product + error;
            lo = error - (hi - product);
            exponent += current.Exponents[digit];
            rest >>= DigitBits;
        }

        // hi is base^k's significand correctly rounded (up to a 2^-100 relative error of the double-double), times 2^exponent: exact
        // when the power is normal, and the same bits as the two-digit path above. A subnormal power is rounded to its coarser grid
        // from the bits (lo breaks a tie), as the pow rounds it and as the table holds it below 4096, without a subnormal product.
        long bits = BitConverter.DoubleToInt64Bits(hi) + exponent;
        return _scale * (bits >= 1L << 52 ? BitConverter.Int64BitsToDouble(bits) : SubnormalPower(hi, lo, exponent));
    }

    /// <summary>
    /// <c>(hi + lo) * 2^(shiftedExponent &gt;&gt; 52)</c> rounded to the nearest double (ties to even) when it is below the normal range:
    /// the 53-bit significand of <paramref name="hi"/> shifted right to the subnormal grid, rounded by the bits shifted out, and by the
    /// sign of <paramref name="lo"/> when they are exactly half a unit.
    /// </summary>
    internal static double SubnormalPower(double hi, double lo, long shiftedExponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(hi);
        long unbiased = (bits >> 52) - 1023 + (shiftedExponent >> 52);
        long significand = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);

        // The value is significand * 2^(unbiased - 52); the subnormal unit is 2^-1074, so drop (-1074) - (unbiased - 52) bits.
        long drop = -1022 - unbiased;
        if (drop > 54)
        {
            return 0.0;
        }

        long kept = significand >> (int)drop;
        long rest = significand - (kept << (int)drop);
        long half = 1L << (int)(drop - 1);
        if (rest > half || (rest == half && (lo > 0.0 || (lo == 0.0 && (kept & 1) == 1))))
        {
            kept++;
        }

        // kept is the count of 2^-1074 units: a subnormal's bits (2^52 units is the smallest normal, whose bits are the same number).
        return BitConverter.Int64BitsToDouble(kept);
    }

    /// <summary>
    /// <c>array[index]</c> for an index the caller has proven in range (here: both digits of a k below the first zero index their
    /// tables by construction), without the bounds check on .NET.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Element(double[] array, int index)
    {
#if NET
        return Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), index);
#else
        return array[index];
#endif
    }

    /// <summary>The rounding error of <c>product = a * b</c>, exactly (<c>a * b - product</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double TwoProductError(double a, double b, double product)
    {
#if NET
        return Math.FusedMultiplyAdd(a, b, -product);
#else
        // Dekker's product: both factors split in halves of 26 bits, whose products are exact.
        const double Split = 134217729.0; // 2^27 + 1
        double ta = Split * a;
        double aHi = ta - (ta - a);
        double aLo = a - aHi;
        double tb = Split * b;
        double bHi = tb - (tb - b);
        double bLo = b - bHi;
        return (((aHi * bHi) - product) + (aHi * bLo) + (aLo * bHi)) + (aLo * bLo);
#endif
    }

    /// <summary>
    /// A <c>k</c> from which <c>base^k &lt; 2^-1076</c> surely (so the pow is 0, and so is the rate), with a margin for the
    /// rounding of the logarithm; <see cref="long.MaxValue"/> when that is beyond a long.
    /// </summary>
    private static long ZeroFrom(double @base)
    {
        double k = Math.Ceiling((1076.0 * Ln2 / -Elementary.Log(@base)) * (1.0 + 1e-9)) + 2.0;
        return k >= long.MaxValue ? long.MaxValue : (long)k;
    }

    /// <summary><c>base^(m 1024^l)</c> for the digits <c>m</c> of one level, each as <c>(Hi + Lo) * 2^(Exponents &gt;&gt; 52)</c>.</summary>
    private sealed class Level
    {
        internal Level(Wide step, int length)
        {
            Hi = new double[length];
            Lo = new double[length];
            Exponents = new long[length];
            Wide power = Wide.One;
            for (int m = 0; m < length; m++)
            {
                (Hi[m], Lo[m], long exponent) = power.ToDoubleDouble();
                Exponents[m] = exponent << 52;
                power *= step;
            }
        }

        internal double[] Hi { get; }

        internal double[] Lo { get; }

        internal long[] Exponents { get; }

        /// <summary>
        /// The factors as plain doubles, <c>Hi</c> and <c>Lo</c> side by side (one cache line, one bounds check); 0 and 0 for a factor
        /// below <c>2^-960</c>, whose low part could leave the normal range (such a factor makes the product 0, which falls back).
        /// </summary>
        internal double[] Interleaved()
        {
            var pairs = new double[2 * Hi.Length];
            for (int m = 0; m < Hi.Length; m++)
            {
                long exponent = Exponents[m] >> 52;
                if (exponent >= -960 && exponent <= 0)
                {
                    pairs[2 * m] = Hi[m] * DoubleDouble.PowerOfTwo((int)exponent);
                    pairs[(2 * m) + 1] = Lo[m] * DoubleDouble.PowerOfTwo((int)exponent);
                }
            }

            return pairs;
        }
    }

    /// <summary>A positive number as a 128-bit significand (<c>2^127 &lt;= m &lt; 2^128</c>) times <c>2^exponent</c>; products truncate.</summary>
    private readonly struct Wide(BigInteger significand, long exponent)
    {
        private static readonly BigInteger Top = BigInteger.One << WideBits;

        internal static Wide One => new(BigInteger.One << (WideBits - 1), -(WideBits - 1));

        internal BigInteger Significand { get; } = significand;

        internal long Exponent { get; } = exponent;

        /// <summary>A positive normal double, exactly.</summary>
        internal static Wide Of(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            long fraction = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
            int biased = (int)(bits >> 52);
            return new Wide(new BigInteger(fraction) << (WideBits - 53), biased - 1075 - (WideBits - 53));
        }

        public static Wide operator *(Wide a, Wide b)
        {
            BigInteger product = (a.Significand * b.Significand) >> (WideBits - 1);
            long exponent = a.Exponent + b.Exponent + (WideBits - 1);
            if (product >= Top)
            {
                product >>= 1;
                exponent++;
            }

            return new Wide(product, exponent);
        }

        /// <summary>
        /// The value as <c>(hi + lo) * 2^exponent</c>: <c>hi</c> the significand rounded to 53 bits (ties to even), in <c>[0.5, 1]</c>, and
        /// <c>lo</c> the rest rounded to a double (together within 2^-106 relative).
        /// </summary>
        internal (double Hi, double Lo, long Exponent) ToDoubleDouble()
        {
            const int Drop = WideBits - 53;
            BigInteger kept = Significand >> Drop;
            BigInteger rest = Significand - (kept << Drop);
            BigInteger half = BigInteger.One << (Drop - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }

            BigInteger low = Significand - (kept << Drop);
            double hi = (double)(long)kept / (1L << 53);
            // low (below 2^75) rounded once to a double: its top part and its low 22 bits are exact doubles, so is the first scaled, and
            // their sum rounds once (a BigInteger's own conversion rounds differently on some runtimes).
            BigInteger top = low >> 22;
            double rounded = ((double)(long)top * 4194304.0) + (double)(long)(low - (top << 22));
            double lo = rounded / (1L << 53) / DoubleDouble.PowerOfTwo(Drop);
            return (hi, lo, Exponent + Drop + 53);
        }
    }
}
