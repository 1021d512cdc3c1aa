namespace LrDecay.Internal;

/// <summary>
/// The known name a mistyped one most likely stands for, for a "did you mean" in a config error: the name that differs only in
/// case, else the nearest by edit distance (ignoring case) when it is close enough to be a slip rather than another word.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>The known name <paramref name="given"/> most likely meant, or null when none is close.</summary>
    /// <param name="given">The name as written.</param>
    /// <param name="known">The valid names, in the order a message lists them (the first wins a tie).</param>
    /// <returns>The suggestion, or null.</returns>
    internal static string? Closest(string given, IEnumerable<string> known)
    {
        string? nearest = null;
        int nearestDistance = int.MaxValue;
        int limit = MaxDistance(given.Length);
        foreach (string name in known)
        {
            if (string.Equals(name, given, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            int distance = Distance(given, name, limit);
            if (distance < nearestDistance)
            {
                nearest = name;
                nearestDistance = distance;
            }
        }

        return nearestDistance <= limit ? nearest : null;
    }

    /// <summary>
    /// The edits a name of <paramref name="length"/> characters may be away from a known one: a quarter of its length, at least one
    /// (so <c>cosin</c> finds <c>cosine</c>, while <c>mean</c> is not taken for <c>min</c>).
    /// </summary>
    /// <param name="length">The given name's length.</param>
    /// <returns>At least 1.</returns>
    internal static int MaxDistance(int length) => Math.Max(1, length / 4);

    /// <summary>
    /// The optimal-string-alignment distance between <paramref name="a"/> and <paramref name="b"/> ignoring case: insertions,
    /// deletions, substitutions and swaps of two adjacent characters. Any distance above <paramref name="limit"/> is reported as
    /// <paramref name="limit"/> + 1.
    /// </summary>
    /// <param name="a">One name.</param>
    /// <param name="b">The other.</param>
    /// <param name="limit">The largest distance of interest.</param>
    /// <returns>The distance, at most <paramref name="limit"/> + 1.</returns>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rows of the dynamic-programming table: two back (for swaps), the previous and the current.
        var twoBack = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            char ai = char.ToLowerInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                char bj = char.ToLowerInvariant(b[j - 1]);
                int cost = ai == bj ? 0 : 1;
                int best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                {
                    best = Math.Min(best, twoBack[j - 2] + 1);
                }

                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (twoBack, previous, current) = (previous, current, twoBack);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
