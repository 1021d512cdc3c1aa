using System.Collections;
using System.Numerics;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;

namespace LrDecay.Import;

/// <summary>
/// Reads what <c>torch.save</c> wrote, without running any of it: the zip archive's <c>data.pkl</c> (or a legacy file's pickles) as
/// plain values. Tensors and storages are persistent ids in the pickle; they are passed over, never loaded.
/// </summary>
internal static class TorchFile
{
    /// <summary>The most values read: the pickle's memo lets a small file name a huge tree.</summary>
    private const int MaxValues = 1_000_000;

    private static readonly object s_registerLock = new();
    private static bool s_registered;

    /// <summary>The saved object as plain values.</summary>
    internal static object? Read(byte[] content, string what)
    {
        byte[] pickle;
        bool legacy = false;
        if (ImportLimits.IsZip(content))
        {
            pickle = ImportLimits.ReadZipEntry(content, what, n => n == "data.pkl" || n.EndsWith("/data.pkl", StringComparison.Ordinal))
                ?? throw new ScheduleImportException($"{what}: malformed file: the zip archive holds no data.pkl, so torch.save did not write it.");
        }
        else if (content.Length > 2 && content[0] == 0x80)
        {
            // torch.save's legacy format: a magic number, the protocol, system info, then the object.
            pickle = content;
            legacy = true;
        }
        else
        {
            throw new ScheduleImportException($"{what}: malformed file: neither JSON nor a torch.save archive.");
        }

        Register();
        try
        {
            using var stream = new MemoryStream(pickle, writable: false);
            using var unpickler = new TensorSkippingUnpickler();
            object? value = unpickler.load(stream);
            if (legacy)
            {
                unpickler.load(stream); // protocol version
                unpickler.load(stream); // system info
                value = unpickler.load(stream);
            }

            int budget = MaxValues;
            return Plain(value, 0, what, ref budget);
        }
        catch (ScheduleImportException)
        {
            throw;
        }
        catch (Exception ex) when (ex is PickleException or InvalidOperationException or InvalidCastException or IOException
            or ArgumentException or IndexOutOfRangeException or OverflowException or NotSupportedException or NullReferenceException
            or InvalidDataException or FormatException or System.Reflection.TargetInvocationException or MissingMethodException)
        {
            throw new ScheduleImportException($"{what}: malformed file: the pickle in it cannot be read as a state_dict.");
        }
    }

    private static void Register()
    {
        lock (s_registerLock)
        {
            if (s_registered)
            {
                return;
            }

            // collections.Counter(dict) keeps its dict; OrderedDict() starts empty and gets its items set after.
            Unpickler.registerConstructor("collections", "Counter", new FirstArgumentConstructor());
            Unpickler.registerConstructor("collections", "OrderedDict", new EmptyDictConstructor());
            Unpickler.registerConstructor("collections", "defaultdict", new EmptyDictConstructor());
            Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", new TensorConstructor());
            Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", new TensorConstructor());

            // A bound method (torch 1.13's OneCycleLR anneal_func) pickles as getattr(obj, name): kept by name, never called.
            Unpickler.registerConstructor("builtins", "getattr", new BoundMethodConstructor());
            Unpickler.registerConstructor("__builtin__", "getattr", new BoundMethodConstructor());
            s_registered = true;
        }
    }

    /// <summary>Razorvine's values as <see cref="ImportObject"/>'s plain values.</summary>
    private static object? Plain(object? value, int depth, string what, ref int budget)
    {
        if (--budget < 0)
        {
            throw new ScheduleImportException($"{what}: malformed file: more than {MaxValues} values once its shared references are followed.");
        }

        if (depth > ImportLimits.MaxDepth)
        {
            throw new ScheduleImportException($"{what}: malformed file: nested deeper than {ImportLimits.MaxDepth} levels.");
        }

        switch (value)
        {
            case null:
                return null;
            case string s:
                return s;
            case bool b:
                return b;
            case int i:
                return (long)i;
            case long l:
                return l;
            case BigInteger big:
                return big >= long.MinValue && big <= long.MaxValue ? (long)big : (double)big;
            case double d:
                return d;
            case float f:
                return (double)f;
            case Opaque o:
                return o;
            case ClassDict cd:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, object> pair in cd)
                {
                    map[pair.Key] = Plain(pair.Value, depth + 1, what, ref budget);
                }

                return cd.ClassName is "collections.OrderedDict" ? map : new Opaque(cd.ClassName, map);
            }

            case IDictionary dictionary:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    string key = entry.Key switch
                    {
                        string s => s,
                        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    };
                    map[key] = Plain(entry.Value, depth + 1, what, ref budget);
                }

                return map;
            }

            case byte[]:
                return new Opaque("bytes");
            case IEnumerable sequence:
            {
                var list = new List<object?>();
                foreach (object? item in sequence)
                {
                    list.Add(Plain(item, depth + 1, what, ref budget));
                }

                return list;
            }

            case IObjectConstructor:
                return new Opaque("Python class");
            default:
                return new Opaque(value.GetType().Name);
        }
    }

    private sealed class TensorSkippingUnpickler : Unpickler
    {
        protected override object persistentLoad(object pid) => new Opaque("tensor storage");
    }

    private sealed class FirstArgumentConstructor : IObjectConstructor
    {
        public object construct(object[] args) => args.Length > 0 && args[0] is IDictionary d ? d : new Hashtable();
    }

    private sealed class EmptyDictConstructor : IObjectConstructor
    {
        public object construct(object[] args) => args.Length > 0 && args[0] is IEnumerable items && args[0] is not string ? FromPairs(items) : new Hashtable();

        private static Hashtable FromPairs(IEnumerable items)
        {
            var table = new Hashtable();
            foreach (object? item in items)
            {
                if (item is object[] { Length: 2 } pair && pair[0] is not null)
                {
                    table[pair[0]] = pair[1];
                }
                else if (item is IList { Count: 2 } list && list[0] is not null)
                {
                    table[list[0]!] = list[1];
                }
            }

            return table;
        }
    }

    private sealed class BoundMethodConstructor : IObjectConstructor
    {
        public object construct(object[] args) => new Opaque("bound method");
    }

    private sealed class TensorConstructor : IObjectConstructor
    {
        public object construct(object[] args) => new Opaque("tensor");
    }
}
