using System.Globalization;

namespace NewsReader.Web.Stories;

/// <summary>How reader pages write a UTC time, so a story's date and its tags' times read alike.</summary>
public static class ReaderTime
{
    /// <summary>"28 Nov 2026".</summary>
    public static string Day(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"28 Nov 2026 04:22 UTC".</summary>
    public static string Minute(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The value of a <c>time</c> element's <c>datetime</c>: "2026-11-28T04:22Z".</summary>
    public static string Machine(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
