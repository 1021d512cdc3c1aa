using System.Runtime.CompilerServices;

namespace LrDecay.Internal;

/// <summary>
/// The cosine ramp of a power, <c>g(f) = (1 + cos(pi f^k)) / 2</c> for <c>f</c> in <c>[0, 1]</c> and a fixed <c>k</c> (timm's
/// <c>k_decay</c>), as one tabulated piecewise polynomial of <c>f</c>: a table lookup and one polynomial per call, where the power then
/// the cosine would take two kernels in a row.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rising half</b>, <c>2^-16 &lt;= f &lt; 1/2</c>: 32 cells per binade of <c>f</c> (15 binades, picked by the top bits of <c>f</c>),
/// and in each the Taylor polynomial of <c>g</c> at the cell's middle <c>c</c>, degree 10 in <c>v = f - c</c> (exact: <c>f</c> and
/// <c>c</c> share a binade). <c>|v| &lt;= c / 64</c>, and <c>g</c> is analytic in a disc of radius <c>c</c> around <c>c</c>, so the
/// terms fall by about <c>2^-6</c> each. The constant term is kept as a double-double.
/// </para>
/// <para>
/// <b>Falling half</b>, <c>u = 1 - f</c> in <c>[0, 1/2]</c>: <c>g = sin^2((pi / 2)(1 - (1 - u)^k)) = u^2 Q(u)</c> with <c>Q</c>
/// analytic for <c>|u| &lt; 1</c>, in 32 cells of width <c>1/64</c> (and one more for <c>u = 1/2</c>), picked by the top bits of
/// <c>1 + u</c>, each with the Taylor polynomial of <c>Q</c> at its middle to degree 10. <c>g = (u u) Q</c> keeps its relative
/// accuracy as <c>u</c> goes to 0: where the rate nears <c>minLr</c>, the distance to it is as accurate as the rest.
/// </para>
/// <para>
/// The coefficients are computed once per <c>k</c> in double-double arithmetic (power series of the binomial, of the sine and cosine by
/// their recurrences, a quotient and a square), from <see cref="Elementary.LogWide"/>, <see cref="Elementary.ExpWide"/> and
/// <see cref="Elementary.SinWide"/>: the same bits on every machine. Each polynomial is evaluated by Estrin's scheme in fused
/// multiply-adds (<see cref="Fused"/>; every product is 0 or far above <c>2^-960</c>: <c>|v|</c> is 0 or at least <c>2^-70</c>).
/// Within 3 ulps of the ramp of the exact power (measured below 2.5 against a 320-bit reference in the tests), where rounding the
/// power first and taking its ramp loses the relative accuracy near <c>f = 1</c>. The tables take about 53 KB and 2 ms to build.
/// </para>
/// <para>
/// Below <c>2^-16</c> (the first 1/65536 of a decay, and 0) and outside <c>[0, 1]</c> the power and the ramp are taken one after the
/// other (<see cref="FixedExponentPower"/>, <see cref="HalfCosine.Of"/>), out of line.
/// </para>
/// </remarks>
internal sealed class PowerRamp
{
    /// <summary>The smallest exponent served.</summary>
    private const double MinServed = 0.0625;

    /// <summary>The largest exponent served.</summary>
    private const double MaxServed = 2.0;

    private const int Degree = 10;
    private const int CellBits = 5;
    private const int CellsPerBinade = 1 << CellBits;
    private const int LowestExponent = -16;
    private const int Binades = -1 - LowestExponent;
    private const int RisingCells = Binades * CellsPerBinade;
    private const int FallingCellBits = 6;
    private const int FallingCells = 1 << (FallingCellBits - 1);
    private const double FallingCellsPerUnit = 2.0 * FallingCells;

    /// <summary>The top bits of <c>f</c> (sign, exponent, <see cref="CellBits"/> of the significand) of the first rising cell.</summary>
    private const long RisingBase = (long)(1023 + LowestExponent) << CellBits;

    /// <summary>The significand bits below a cell's top bits.</summary>
    private const long BelowCell = (1L << (52 - CellBits)) - 1;

    /// <summary>The middle of a cell: its top bits and then this one.</summary>
    private const long HalfCell = 1L << (51 - CellBits);

    private readonly Cell[] _rising;
    private readonly Cell[] _falling;
    private readonly FixedExponentPower _power;

    /// <summary>Tabulates the ramp for the exponent <paramref name="k"/>, which <see cref="Serves"/>.</summary>
    internal PowerRamp(double k)
    {
        _power = new FixedExponentPower(k);
        _rising = new Cell[RisingCells];
        for (int i = 0; i < RisingCells; i++)
        {
            int e = LowestExponent + (i >> CellBits);
            double center = DoubleDouble.PowerOfTwo(e) * (1.0 + (((i & (CellsPerBinade - 1)) + 0.5) / CellsPerBinade));
            _rising[i] = new Cell(RisingSeries(k, center), center);
        }

        _falling = new Cell[FallingCells + 1];
        for (int j = 0; j <= FallingCells; j++)
        {
            double center = (j + 0.5) / FallingCellsPerUnit;
            _falling[j] = new Cell(FallingSeries(k, center), center);
        }
    }

    /// <summary>
    /// Whether the tables serve <paramref name="k"/>: <see cref="MinServed"/> to <see cref="MaxServed"/>, except the half-integers,
    /// which <see cref="Power"/> takes by multiplication and a square root.
    /// </summary>
    internal static bool Serves(double k) => k >= MinServed && k <= MaxServed && k * 2.0 != Math.Floor(k * 2.0);

    /// <summary>The tables for <paramref name="k"/> when it <see cref="Serves"/>; else null (the caller keeps the power and the ramp).</summary>
    internal static PowerRamp? For(double k) => Serves(k) ? new PowerRamp(k) : null;

    /// <summary><c>g(f)</c> for <c>f</c> in <c>[0, 1]</c> (by the power and the ramp in turn outside it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Of(double f) => f < 0.5 ? Rising(f) : f <= 1.0 ? Falling(1.0 - f) : Composed(f);

    /// <summary>
    /// <c>g(k / n)</c> for whole <c>0 &lt;= k &lt;= n</c>: of <c>f = k / n</c> before the middle and of <c>1 - f = (n - k) / n</c> after
    /// it, each a quotient of whole numbers rounded once, so the result keeps its relative accuracy as <c>k</c> nears <c>n</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double OfSteps(long k, long n)
    {
        long rest = n - k;
        return k < rest ? Rising((double)k / n) : Falling((double)rest / n);
    }

    /// <summary><c>g(f)</c> for <c>f</c> in <c>[0, 1/2)</c> (by the power and the ramp in turn outside it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Rising(double f)
    {
        long bits = BitConverter.DoubleToInt64Bits(f);
        long cell = (bits >> (52 - CellBits)) - RisingBase;
        if ((ulong)cell >= RisingCells)
        {
            return Composed(f);
        }

        ref readonly Cell c = ref _rising[cell];
        double v = f - BitConverter.Int64BitsToDouble((bits & ~BelowCell) | HalfCell);
        return c.C0 + c.Polynomial(v, c.C0Low);
    }

    /// <summary><c>g(1 - u)</c> for <c>u</c> in <c>[0, 1/2]</c>, which the caller ensures.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double Falling(double u)
    {
        // The cell from the top bits of 1 + u (its rounding can only carry u onto the next cell's edge, where the next polynomial
        // holds as well); u = 1/2 has a cell of its own.
        long cell = (BitConverter.DoubleToInt64Bits(1.0 + u) >> (52 - FallingCellBits)) & ((1L << FallingCellBits) - 1);
        ref readonly Cell c = ref _falling[cell];
        double v = u - c.Center;
        return (u * u) * (c.C0 + c.Polynomial(v, 0.0));
    }

    /// <summary>The power, then the ramp of it: for <c>f</c> below the tables, 0, and outside <c>[0, 1]</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double Composed(double f) => HalfCosine.Of(_power.Of(f));

    /// <summary>The Taylor coefficients of <c>g</c> at <paramref name="c"/> in the rising half.</summary>
    private static Wide[] RisingSeries(double k, double c)
    {
        // x = f^k = c^k (1 + v / c)^k: the binomial series, times c^k.
        Wide c0 = PowWide(c, k);
        var x = new Wide[Degree + 1];
        Wide binomial = new(1.0);
        for (int n = 0; n <= Degree; n++)
        {
            x[n] = c0 * binomial;
            binomial = binomial * (new Wide(k) - new Wide(n)) / ((n + 1) * c);
        }

        // g = (1 + cos(pi x)) / 2; the constant term as cos^2(pi x0 / 2), which has no cancellation.
        Wide theta0 = Wide.Pi * x[0];
        Wide[] cos = Cosine(theta0, Scaled(x, Wide.Pi));
        var g = new Wide[Degree + 1];
        Wide half = SineCosine(theta0 * 0.5).Cos;
        g[0] = half * half;
        for (int n = 1; n <= Degree; n++)
        {
            g[n] = cos[n] * 0.5;
        }

        return g;
    }

    /// <summary>The Taylor coefficients of <c>Q(u) = g(1 - u) / u^2</c> at <paramref name="c"/> in the falling half.</summary>
    private static Wide[] FallingSeries(double k, double c)
    {
        // y = 1 - (1 - u)^k; with a = 1 - c (exact), (a - v)^k = a^k (1 - v / a)^k.
        double a = 1.0 - c;
        Wide ak = PowWide(a, k);
        var y = new Wide[Degree + 1];
        Wide binomial = new(1.0);
        for (int n = 0; n <= Degree; n++)
        {
            y[n] = -(ak * binomial);
            binomial = binomial * (new Wide(n) - new Wide(k)) / ((n + 1) * a);
        }

        y[0] = new Wide(1.0) + y[0];

        // sin(pi y / 2) = u R(u); R by the quotient's recurrence R_n = (s_n - R_(n-1)) / c, then Q = R^2.
        Wide[] sin = Sine(Wide.HalfPi * y[0], Scaled(y, Wide.HalfPi));
        var r = new Wide[Degree + 1];
        for (int n = 0; n <= Degree; n++)
        {
            r[n] = (n == 0 ? sin[0] : sin[n] - r[n - 1]) / c;
        }

        var q = new Wide[Degree + 1];
        for (int n = 0; n <= Degree; n++)
        {
            Wide sum = new(0.0);
            for (int i = 0; i <= n; i++)
            {
                sum += r[i] * r[n - i];
            }

            q[n] = sum;
        }

        return q;
    }

    /// <summary><paramref name="series"/> times <paramref name="factor"/>, term by term.</summary>
    private static Wide[] Scaled(Wide[] series, Wide factor)
    {
        var result = new Wide[series.Length];
        for (int n = 0; n < series.Length; n++)
        {
            result[n] = factor * series[n];
        }

        return result;
    }

    /// <summary>
    /// The series of <c>sin</c> and <c>cos</c> of <c>phi</c> (the terms of <paramref name="angle"/> from degree 1; its constant term is
    /// not used): <c>n S_n = sum j phi_j C_(n-j)</c>, <c>n C_n = -sum j phi_j S_(n-j)</c>.
    /// </summary>
    private static (Wide[] Sin, Wide[] Cos) OfIncrement(Wide[] angle)
    {
        var s = new Wide[Degree + 1];
        var co = new Wide[Degree + 1];
        s[0] = new Wide(0.0);
        co[0] = new Wide(1.0);
        var weighted = new Wide[Degree + 1];
        for (int j = 1; j <= Degree; j++)
        {
            weighted[j] = angle[j] * j;
        }

        for (int n = 1; n <= Degree; n++)
        {
            Wide ss = new(0.0);
            Wide cc = new(0.0);
            for (int j = 1; j <= n; j++)
            {
                ss += weighted[j] * co[n - j];
                cc -= weighted[j] * s[n - j];
            }

            s[n] = ss / n;
            co[n] = cc / n;
        }

        return (s, co);
    }

    /// <summary>The series of <c>cos(angle)</c>, <paramref name="at"/> its constant term.</summary>
    private static Wide[] Cosine(Wide at, Wide[] angle)
    {
        (Wide[] s, Wide[] co) = OfIncrement(angle);
        (Wide sin0, Wide cos0) = SineCosine(at);
        var result = new Wide[Degree + 1];
        for (int n = 0; n <= Degree; n++)
        {
            result[n] = (cos0 * co[n]) - (sin0 * s[n]);
        }

        return result;
    }

    /// <summary>The series of <c>sin(angle)</c>, <paramref name="at"/> its constant term.</summary>
    private static Wide[] Sine(Wide at, Wide[] angle)
    {
        (Wide[] s, Wide[] co) = OfIncrement(angle);
        (Wide sin0, Wide cos0) = SineCosine(at);
        var result = new Wide[Degree + 1];
        for (int n = 0; n <= Degree; n++)
        {
            result[n] = (sin0 * co[n]) + (cos0 * s[n]);
        }

        return result;
    }

    /// <summary><c>sin(hi + lo) = sin hi + lo cos hi</c> and <c>cos(hi + lo) = cos hi - lo sin hi</c> (<c>lo</c> is below an ulp of <c>hi</c>).</summary>
    private static (Wide Sin, Wide Cos) SineCosine(Wide x)
    {
        var sin = new Wide(Elementary.SinWide(x.Hi, out double sl), sl);
        var cos = new Wide(Elementary.CosWide(x.Hi, out double cl), cl);
        return (sin + (cos * x.Lo), cos - (sin * x.Lo));
    }

    /// <summary><c>x^y</c> for <c>x</c> in <c>(0, 1)</c> as a double-double.</summary>
    private static Wide PowWide(double x, double y)
    {
        double hi = Elementary.PowWide(x, y, out double lo, out int n);
        return new Wide(DoubleDouble.Scale(hi, n), DoubleDouble.Scale(lo, n));
    }

    /// <summary>
    /// One cell's polynomial in <c>v</c>, the distance to <see cref="Center"/>: the constant term <c>C0 + C0Low</c> and the others, so
    /// that the polynomial is <c>C0 + Polynomial(v, C0Low)</c> (the falling half has no <c>C0Low</c>: 0). The constant term is added
    /// last, so the sum rounds once at its size, the other terms' roundings being at most <c>2^-6</c> of it.
    /// </summary>
    private readonly struct Cell
    {
        private readonly double _c1;
        private readonly double _c2;
        private readonly double _c3;
        private readonly double _c4;
        private readonly double _c5;
        private readonly double _c6;
        private readonly double _c7;
        private readonly double _c8;
        private readonly double _c9;
        private readonly double _c10;

        internal Cell(Wide[] series, double center)
        {
            Center = center;
            C0 = series[0].Hi;
            C0Low = series[0].Lo;
            _c1 = series[1].Hi;
            _c2 = series[2].Hi;
            _c3 = series[3].Hi;
            _c4 = series[4].Hi;
            _c5 = series[5].Hi;
            _c6 = series[6].Hi;
            _c7 = series[7].Hi;
            _c8 = series[8].Hi;
            _c9 = series[9].Hi;
            _c10 = series[10].Hi;
        }

        internal double Center { get; }

        internal double C0 { get; }

        internal double C0Low { get; }

        /// <summary>
        /// <c>constant + c1 v + c2 v^2 + ... + c10 v^10</c>, by Estrin's scheme in fused multiply-adds: four steps deep (pairs, then
        /// pairs of pairs by <c>v^2</c>, by <c>v^4</c>, by <c>v^8</c>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal double Polynomial(double v, double constant)
        {
            double v2 = v * v;
            double v4 = v2 * v2;
            double p01 = Fused.MultiplyAdd(_c1, v, constant);
            double p23 = Fused.MultiplyAdd(_c3, v, _c2);
            double p45 = Fused.MultiplyAdd(_c5, v, _c4);
            double p67 = Fused.MultiplyAdd(_c7, v, _c6);
            double p89 = Fused.MultiplyAdd(_c9, v, _c8);
            double q03 = Fused.MultiplyAdd(p23, v2, p01);
            double q47 = Fused.MultiplyAdd(p67, v2, p45);
            double q810 = Fused.MultiplyAdd(_c10, v2, p89);
            double r07 = Fused.MultiplyAdd(q47, v4, q03);
            return Fused.MultiplyAdd(q810, v4 * v4, r07);
        }
    }

    /// <summary>A double-double <c>Hi + Lo</c>, for the coefficients (about 100 bits).</summary>
    private readonly struct Wide
    {
        internal static readonly Wide Pi = new(Math.PI, 1.2246467991473532e-16);
        internal static readonly Wide HalfPi = new(Math.PI / 2.0, 6.123233995736766e-17);

        internal Wide(double hi, double lo = 0.0)
        {
            Hi = DoubleDouble.FastTwoSum(hi, lo, out double e);
            Lo = e;
        }

        internal double Hi { get; }

        internal double Lo { get; }

        public static Wide operator -(Wide a) => new(-a.Hi, -a.Lo);

        public static Wide operator +(Wide a, Wide b)
        {
            double s = DoubleDouble.TwoSum(a.Hi, b.Hi, out double e);
            double t = DoubleDouble.TwoSum(a.Lo, b.Lo, out double f);
            e += t;
            s = DoubleDouble.FastTwoSum(s, e, out e);
            return new Wide(s, e + f);
        }

        public static Wide operator -(Wide a, Wide b) => a + (-b);

        public static Wide operator *(Wide a, Wide b)
        {
            double p = DoubleDouble.TwoProduct(a.Hi, b.Hi, out double e);
            return new Wide(p, e + ((a.Hi * b.Lo) + (a.Lo * b.Hi)));
        }

        public static Wide operator *(Wide a, double b) => a * new Wide(b);

        public static Wide operator /(Wide a, double b)
        {
            double q = a.Hi / b;
            double p = DoubleDouble.TwoProduct(q, b, out double e);
            double rest = ((a.Hi - p) - e) + a.Lo;
            return new Wide(q, rest / b);
        }
    }
}
