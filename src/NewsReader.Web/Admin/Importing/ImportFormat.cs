using System.Globalization;
using NewsReader.Core.Data;
using NewsReader.Core.Wording;

namespace NewsReader.Web.Admin.Importing;

/// <summary>How the import pages write sizes, times and states.</summary>
public static class ImportFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(Inv, $"{bytes} B"),
        < 1024 * 1024 => string.Create(Inv, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(Inv, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Inv);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalSeconds: < 1 } s => string.Create(Inv, $"{s.TotalMilliseconds:0} ms"),
        { TotalMinutes: < 1 } s => string.Create(Inv, $"{s.TotalSeconds:0.#} s"),
        var s => string.Create(Inv, $"{(int)s.Value.TotalMinutes} min {s.Value.Seconds} s"),
    };

    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "succeeded",
        ImportStatus.Refused => "refused",
        ImportStatus.Failed => "failed",
        _ => "running",
    };

    public static string State(ImportJobState state) => state switch
    {
        ImportJobState.Waiting => "waiting",
        ImportJobState.Running => "running",
        ImportJobState.Succeeded => "finished",
        ImportJobState.Refused => "refused",
        _ => "failed",
    };

    /// <summary>"3 of 12 stories" once the file is split; before that, what the importer is doing.</summary>
    public static string Progress(ImportJobStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State switch
        {
            ImportJobState.Waiting => "waiting for the import before it",
            ImportJobState.Running when status.Found == 0 => "reading and splitting the file",
            ImportJobState.Running => string.Create(Inv, $"{Plural.Count(status.Found, "story")} read, {status.Handled} stored or checked"),
            ImportJobState.Succeeded => $"{Plural.Count(status.Found, "story")} read, all handled",
            _ => status.Message ?? State(status.State),
        };
    }
}
