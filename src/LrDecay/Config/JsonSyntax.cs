using System.Text;
using System.Text.Json;

namespace LrDecay.Config;

/// <summary>
/// Says in LrDecay's words why a config is not valid JSON: the JSON path of the object, array or value where reading stopped, the
/// line and column (in characters, both from 1) of the offending character, and what is wrong there (a trailing comma, a comment,
/// a missing comma, an invalid value, the end of the input inside an object...). Used only once the JSON reader has refused the
/// input; it reads the input again, tracking the path, up to where the reader stops.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>The reader's depth limit when its options give none.</summary>
    private const int DefaultMaxDepth = 64;

    /// <summary>The config error for <paramref name="utf8Json"/>, which the JSON reader refused with <paramref name="refusal"/>.</summary>
    /// <param name="utf8Json">The config, valid UTF-8.</param>
    /// <param name="options">The options the reader refused it under.</param>
    /// <param name="refusal">The reader's exception, kept as the inner exception.</param>
    /// <returns>The error to throw.</returns>
    internal static ScheduleConfigException Error(byte[] utf8Json, JsonReaderOptions options, JsonException refusal)
    {
        (string path, string problem) = Describe(utf8Json, options, refusal, "config");
        return new ScheduleConfigException(path, problem, refusal);
    }

    /// <summary>
    /// Why the JSON reader refused <paramref name="utf8Json"/>: the JSON path, and the problem with its line and column, e.g.
    /// <c>malformed JSON (line 3, column 31): trailing comma before ']'.</c>
    /// </summary>
    /// <param name="utf8Json">The input, valid UTF-8.</param>
    /// <param name="options">The options the reader refused it under.</param>
    /// <param name="refusal">The reader's exception.</param>
    /// <param name="noun">What the input is, for the message: <c>config</c>, <c>vector file</c>.</param>
    /// <returns>The path and the problem.</returns>
    internal static (string Path, string Problem) Describe(byte[] utf8Json, JsonReaderOptions options, JsonException refusal, string noun)
    {
        if (IsBlank(utf8Json))
        {
            return ("$", $"the {noun} is empty.");
        }

        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            return ("$", $"malformed JSON (line 1, column 1): the {noun} starts with a byte-order mark (U+FEFF); give it as UTF-8 without one.");
        }

        var scan = new Scan(utf8Json, options, noun);
        (string path, int offset, string problem) = scan.Run() ?? ("$", OffsetOf(utf8Json, refusal), "the JSON cannot be read here.");
        (int line, int column) = LineAndColumn(utf8Json, offset);
        return (path, $"malformed JSON (line {line}, column {column}): {problem}");
    }

    /// <summary>The line and the column, in characters, of byte <paramref name="offset"/>, both counted from 1.</summary>
    internal static (int Line, int Column) LineAndColumn(byte[] utf8, int offset)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((utf8[i] & 0xC0) != 0x80)
            {
                // A UTF-8 continuation byte is part of the character before it.
                column++;
            }
        }

        return (line, column);
    }

    private static bool IsBlank(byte[] utf8)
    {
        foreach (byte b in utf8)
        {
            if (!IsWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>The byte offset of the reader's line and position, for when the scan cannot say more.</summary>
    private static int OffsetOf(byte[] utf8, JsonException refusal)
    {
        long line = refusal.LineNumber ?? 0;
        int offset = 0;
        for (; offset < utf8.Length && line > 0; offset++)
        {
            if (utf8[offset] == (byte)'\n')
            {
                line--;
            }
        }

        return (int)Math.Min(utf8.Length, offset + (refusal.BytePositionInLine ?? 0));
    }

    /// <summary>One reading of the input: the open objects and arrays with their paths, and where the last good token ended.</summary>
    private sealed class Scan
    {
        private readonly byte[] _utf8;
        private readonly JsonReaderOptions _options;
        private readonly string _noun;
        private readonly List<Frame> _open = [];
        private JsonTokenType _last = JsonTokenType.None;
        private int _end;

        internal Scan(byte[] utf8, JsonReaderOptions options, string noun)
        {
            _utf8 = utf8;
            _options = options;
            _noun = noun;
        }

        /// <summary>The path, offset and problem where the reader stops, or null when it reads the whole input.</summary>
        internal (string Path, int Offset, string Problem)? Run()
        {
            var reader = new Utf8JsonReader(_utf8, _options);
            try
            {
                while (reader.Read())
                {
                    Track(ref reader);
                    _end = (int)reader.BytesConsumed;
                }

                return null;
            }
            catch (JsonException)
            {
                return Explain();
            }
        }

        private void Track(ref Utf8JsonReader reader)
        {
            _last = reader.TokenType;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    _open.Add(new Frame(ValuePath(), reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    _open.RemoveAt(_open.Count - 1);
                    Completed();
                    break;
                case JsonTokenType.PropertyName:
                    _open[_open.Count - 1].Name = reader.GetString();
                    break;
                default:
                    Completed();
                    break;
            }
        }

        /// <summary>A value ended: an array counts it.</summary>
        private void Completed()
        {
            if (_open.Count > 0 && _open[_open.Count - 1].IsArray)
            {
                _open[_open.Count - 1].Items++;
            }
        }

        /// <summary>The path of the value read next: <c>$</c>, a property of the open object, or the next item of the open array.</summary>
        private string ValuePath()
        {
            if (_open.Count == 0)
            {
                return "$";
            }

            Frame top = _open[_open.Count - 1];
            return top.IsArray ? $"{top.Path}[{top.Items}]" : ConfigObject.PathOf(top.Path, top.Name ?? string.Empty);
        }

        private (string Path, int Offset, string Problem)? Explain()
        {
            int at = SkipWhitespace(_end);
            if (at < _utf8.Length && _utf8[at] == (byte)'/')
            {
                return (_open.Count == 0 ? "$" : _open[_open.Count - 1].Path, at, "comments are not allowed in JSON.");
            }

            if (_open.Count == 0)
            {
                return _last == JsonTokenType.None
                    ? Value("$", at, afterComma: false)
                    : ("$", at, $"unexpected {Shown(at)} after the end of the {_noun} (a {_noun} is one JSON value).");
            }

            Frame top = _open[_open.Count - 1];
            if (_last is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return top.IsArray ? Value(ValuePath(), at, afterComma: false) : Name(top, at, afterComma: false);
            }

            if (_last == JsonTokenType.PropertyName)
            {
                // The reader has taken the colon with the name.
                return Value(ValuePath(), at, afterComma: false);
            }

            // A value ended: a comma or the closing bracket comes next.
            char close = top.IsArray ? ']' : '}';
            if (at >= _utf8.Length)
            {
                return EndsEarly(at);
            }

            if (_utf8[at] == (byte)',')
            {
                int next = SkipWhitespace(at + 1);
                if (next < _utf8.Length && _utf8[next] == (byte)close)
                {
                    return (top.Path, at, $"trailing comma before '{close}'.");
                }

                return top.IsArray ? Value(ValuePath(), next, afterComma: true) : Name(top, next, afterComma: true);
            }

            string after = top.IsArray ? $"item {top.Items - 1}" : $"the value of '{top.Name}'";
            bool startsAnother = top.IsArray ? StartsValue(_utf8[at]) : _utf8[at] == (byte)'"';
            return startsAnother
                ? (top.Path, at, $"a comma is missing after {after}.")
                : (top.Path, at, $"expected ',' or '{close}' after {after}, got {Shown(at)}.");
        }

        /// <summary>A property name is expected at <paramref name="at"/> in object <paramref name="top"/>.</summary>
        private (string Path, int Offset, string Problem)? Name(Frame top, int at, bool afterComma)
        {
            if (at >= _utf8.Length)
            {
                return EndsEarly(at);
            }

            switch ((char)_utf8[at])
            {
                case '}' when afterComma:
                    return (top.Path, at, "trailing comma before '}'.");
                case '/':
                    return (top.Path, at, "comments are not allowed in JSON.");
                case '\'':
                    return (top.Path, at, "property names need double quotes, not single quotes.");
                case '"':
                    if (BadString(top.Path, at) is { } bad)
                    {
                        return bad;
                    }

                    int colon = SkipWhitespace(SkipString(at));
                    return colon < _utf8.Length && _utf8[colon] != (byte)':'
                        ? (top.Path, colon, $"expected ':' after property name {Token(at + 1, SkipString(at) - 1)}, got {Shown(colon)}.")
                        : colon >= _utf8.Length ? EndsEarly(colon) : null;
                default:
                    return (top.Path, at, $"expected a property name in double quotes, got {Word(at)}.");
            }
        }

        /// <summary>A value is expected at <paramref name="at"/>, the value at <paramref name="path"/>.</summary>
        private (string Path, int Offset, string Problem)? Value(string path, int at, bool afterComma)
        {
            if (at >= _utf8.Length)
            {
                return EndsEarly(at);
            }

            string container = _open.Count == 0 ? "$" : _open[_open.Count - 1].Path;
            switch ((char)_utf8[at])
            {
                case ']' or '}' when afterComma:
                    return (container, at, $"trailing comma before '{(char)_utf8[at]}'.");
                case ']' or '}':
                    return (path, at, $"a value is missing before '{(char)_utf8[at]}'.");
                case ',':
                    return (path, at, "a value is missing before ','.");
                case '/':
                    return (path, at, "comments are not allowed in JSON.");
                case '\'':
                    return (path, at, "strings need double quotes, not single quotes.");
                case '"':
                    return BadString(path, at);
                case '{' or '[':
                    // Nothing else stops the reader at the start of an object or array; the path of so deep a value is no help.
                    return ("$", at, $"the nesting depth exceeds the maximum of {(_options.MaxDepth > 0 ? _options.MaxDepth : DefaultMaxDepth)} levels.");
                default:
                    int end = TokenEnd(at);
                    if (end == at)
                    {
                        return (path, at, $"unexpected {Shown(at)}.");
                    }

                    if (end == _utf8.Length && _open.Count > 0)
                    {
                        // A number or literal cut off by the end of the input, in an object or array that is never closed.
                        return EndsEarly(end);
                    }

                    char first = (char)_utf8[at];
                    return char.IsDigit(first) || first is '-' or '+' or '.'
                        ? (path, at, $"invalid number {Token(at, end)}.")
                        : (path, at, $"invalid value {Token(at, end)} (a value is a number, a string in double quotes, true, false, null, an object or an array).");
            }
        }

        /// <summary>What is wrong inside the string starting at <paramref name="at"/>, or null when it is a good string.</summary>
        private (string Path, int Offset, string Problem)? BadString(string path, int at)
        {
            for (int i = at + 1; i < _utf8.Length; i++)
            {
                byte b = _utf8[i];
                if (b == (byte)'"')
                {
                    return null;
                }

                if (b < 0x20)
                {
                    return (path, i, "a string holds a line break or another control character; write it as an escape such as \\n.");
                }

                if (b == (byte)'\\')
                {
                    if (i + 1 >= _utf8.Length)
                    {
                        break;
                    }

                    char escaped = (char)_utf8[i + 1];
                    if (escaped == 'u')
                    {
                        int hex = 0;
                        while (hex < 4 && i + 2 + hex < _utf8.Length && Uri.IsHexDigit((char)_utf8[i + 2 + hex]))
                        {
                            hex++;
                        }

                        if (hex < 4)
                        {
                            return i + 2 + hex >= _utf8.Length
                                ? (path, _utf8.Length, "the JSON ends inside a string.")
                                : (path, i, "invalid escape in a string: \\u needs four hexadecimal digits.");
                        }

                        i += 5;
                    }
                    else if ("\"\\/bfnrt".IndexOf(escaped) >= 0)
                    {
                        i++;
                    }
                    else
                    {
                        return (path, i, $"invalid escape '\\{Printable(escaped)}' in a string (JSON knows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX).");
                    }
                }
            }

            return (path, _utf8.Length, "the JSON ends inside a string.");
        }

        /// <summary>The input ends before the open objects and arrays are closed.</summary>
        private (string Path, int Offset, string Problem) EndsEarly(int at)
        {
            if (_open.Count == 0)
            {
                return ("$", at, "the JSON ends before its value is complete.");
            }

            Frame top = _open[_open.Count - 1];
            string more = _open.Count > 1 ? $" (and {_open.Count - 1} more around it)" : string.Empty;
            return (top.Path, at, $"the JSON ends before this {(top.IsArray ? "array" : "object")} is closed{more}.");
        }

        private static bool StartsValue(byte b) =>
            b is (byte)'"' or (byte)'{' or (byte)'[' or (byte)'-' or (byte)'t' or (byte)'f' or (byte)'n' || (b >= (byte)'0' && b <= (byte)'9');

        /// <summary>The word at <paramref name="at"/> quoted, or the character there when no word starts there.</summary>
        private string Word(int at)
        {
            int end = TokenEnd(at);
            return end > at ? Token(at, end) : Shown(at);
        }

        private int SkipWhitespace(int at)
        {
            while (at < _utf8.Length && IsWhitespace(_utf8[at]))
            {
                at++;
            }

            return at;
        }

        /// <summary>The offset just past the string starting at <paramref name="at"/> (its closing quote included).</summary>
        private int SkipString(int at)
        {
            for (int i = at + 1; i < _utf8.Length; i++)
            {
                if (_utf8[i] == (byte)'\\')
                {
                    i++;
                }
                else if (_utf8[i] == (byte)'"')
                {
                    return i + 1;
                }
            }

            return _utf8.Length;
        }

        /// <summary>The end of the word starting at <paramref name="at"/>: up to whitespace, a delimiter or a quote.</summary>
        private int TokenEnd(int at)
        {
            int end = at;
            while (end < _utf8.Length && end - at < 40 && !IsWhitespace(_utf8[end]) && "{}[]:,\"'/".IndexOf((char)_utf8[end]) < 0)
            {
                end++;
            }

            // Never end inside a character.
            while (end < _utf8.Length && (_utf8[end] & 0xC0) == 0x80)
            {
                end++;
            }

            return end;
        }

        /// <summary>The text from <paramref name="at"/> to <paramref name="end"/>, quoted, shortened when long.</summary>
        private string Token(int at, int end)
        {
            string text = Encoding.UTF8.GetString(_utf8, at, end - at);
            return text.Length <= 40 ? $"'{text}'" : $"'{text.Substring(0, 37)}...'";
        }

        /// <summary>The character at <paramref name="at"/>, for a message: <c>'x'</c>, or a word such as <c>a line break</c>.</summary>
        private string Shown(int at)
        {
            if (at >= _utf8.Length)
            {
                return "the end of the input";
            }

            int end = at + 1;
            while (end < _utf8.Length && (_utf8[end] & 0xC0) == 0x80)
            {
                end++;
            }

            string character = Encoding.UTF8.GetString(_utf8, at, end - at);
            return character == "\uFEFF" ? "a byte-order mark (U+FEFF; save the file as UTF-8 without one)" : $"'{Printable(character[0])}'";
        }

        private static string Printable(char c) => c < 0x20 ? $"\\u{(int)c:X4}" : c.ToString();
    }

    /// <summary>An open object or array: its path, and the property being read or the items read so far.</summary>
    private sealed class Frame
    {
        internal Frame(string path, bool isArray)
        {
            Path = path;
            IsArray = isArray;
        }

        internal string Path { get; }

        internal bool IsArray { get; }

        internal string? Name { get; set; }

        internal int Items { get; set; }
    }
}
