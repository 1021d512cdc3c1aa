namespace LrDecay.Internal;

/// <summary>The JSON names of an enum's members: one table, read by the config reader and the writer.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    internal EnumNames(params (string Name, T Value)[] pairs)
    {
        Pairs = pairs;
    }

    /// <summary>Each JSON name with its member, in the order messages list them.</summary>
    internal (string Name, T Value)[] Pairs { get; }

    /// <summary>The JSON name of <paramref name="value"/>.</summary>
    internal string NameOf(T value)
    {
        foreach ((string name, T member) in Pairs)
        {
            if (EqualityComparer<T>.Default.Equals(member, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} '{value}' has no JSON name.");
    }

    /// <summary>The JSON names, quoted and joined for a catalog's range text: <c>"a", "b" or "c"</c>.</summary>
    internal string Describe()
    {
        string[] quoted = Pairs.Select(p => $"\"{p.Name}\"").ToArray();
        return quoted.Length == 1 ? quoted[0] : $"{string.Join(", ", quoted.Take(quoted.Length - 1))} or {quoted[quoted.Length - 1]}";
    }
}
