using System.Text.Json;

namespace LrDecay.Config;

/// <summary>Writes a schedule as config JSON: <c>type</c> first, then every property of its catalog entry with defaults made explicit.</summary>
internal static class ScheduleJsonWriter
{
    internal static void Write(Utf8JsonWriter w, ILearningRateSchedule schedule, string path)
    {
        // The object written next sits at depth CurrentDepth + 1; Parse accepts up to MaxDepth levels, so refuse only beyond that.
        if (w.CurrentDepth + 1 > ScheduleJson.MaxDepth)
        {
            throw new ArgumentException(
                $"{path}: the schedule nests deeper than ScheduleJson.MaxDepth ({ScheduleJson.MaxDepth}) JSON levels, which ScheduleJson.Parse would reject.",
                nameof(schedule));
        }

        CatalogEntry entry = Catalog.Of(schedule) ?? throw new ArgumentException(
            $"{path}: {schedule.GetType().FullName} has no JSON form; only the schedules of this library can be serialized.",
            nameof(schedule));
        w.WriteStartObject();
        w.WriteString("type", entry.Info.Name);
        entry.WriteProperties(w, schedule, path);
        w.WriteEndObject();
    }
}
