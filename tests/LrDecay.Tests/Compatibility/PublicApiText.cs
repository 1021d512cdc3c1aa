using System.Text.RegularExpressions;
using LrDecay.Tests.Support;

namespace LrDecay.Tests.Compatibility;

/// <summary>
/// The public-API files of the packages under <c>src/</c> (<c>PublicAPI.Shipped.txt</c>, <c>PublicAPI.Unshipped.txt</c>), read as the
/// public-API analyzer writes them: one signature a line, a shipped signature that is gone marked <c>*REMOVED*</c> in the unshipped file.
/// </summary>
internal static partial class PublicApiText
{
    /// <summary>The prefix the analyzer gives a shipped signature that no longer exists.</summary>
    public const string RemovedPrefix = "*REMOVED*";

    /// <summary>Every <c>PublicAPI.Unshipped.txt</c> under <c>src/</c>, as paths relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> UnshippedFiles()
    {
        string root = VectorSets.RequiredRepositoryRoot();
        return Directory.GetFiles(Path.Combine(root, "src"), "PublicAPI.Unshipped.txt", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The lines of a file given relative to the repository root; none when it does not exist.</summary>
    public static string[] Lines(string relativePath)
    {
        string path = Path.Combine(VectorSets.RequiredRepositoryRoot(), relativePath);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>
    /// The signature with every default value dropped (<c>double minLr = 0</c> becomes <c>double minLr</c>): how the analyzer writes a
    /// member whose optional parameters were made required. Parameter types, names and the return type are untouched, and so is the
    /// binary signature. A line without a parameter list (a type, an enum member, a constant, a property) is returned as it is.
    /// </summary>
    public static string WithoutDefaults(string signature)
    {
        int open = signature.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? signature : signature.Substring(0, open) + DefaultValue().Replace(signature.Substring(open), "");
    }

    /// <summary>The parameter names of a signature line, in order.</summary>
    public static string[] ParameterNames(string signature)
    {
        string bare = WithoutDefaults(signature);
        int open = bare.IndexOf('(', StringComparison.Ordinal);
        int close = bare.IndexOf(") -> ", open, StringComparison.Ordinal);
        string parameters = bare.Substring(open + 1, close - open - 1);
        return parameters.Length == 0 ? [] : parameters.Split(", ").Select(p => p.Substring(p.LastIndexOf(' ') + 1)).ToArray();
    }

    /// <summary><c> = value</c>: a number, null, a bool, an enum member, or a quoted string or character.</summary>
    [GeneratedRegex("""\s=\s("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,)]*)""")]
    private static partial Regex DefaultValue();
}
