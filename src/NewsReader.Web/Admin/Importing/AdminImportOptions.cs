using NewsReader.Core.Reading;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Settings of the admin import area (section <c>Admin</c> of appsettings.json); documented in README.</summary>
public sealed class AdminImportOptions
{
    public const string SectionName = "Admin";

    /// <summary>Largest upload accepted, all its files together, in bytes (default 50 MB, the reader's own limit for one file).</summary>
    public long MaxUploadBytes { get; set; } = ReadLimits.DefaultMaxFileBytes;

    /// <summary>
    /// Where uploads wait for their import, relative to the content root unless absolute; when empty,
    /// <c>uploads</c> inside the reader's data folder. Emptied at start-up (files there belong to jobs
    /// of an earlier process, which are gone).
    /// </summary>
    public string UploadFolder { get; set; } = string.Empty;

    /// <summary>Finished jobs kept in memory for their job pages (the history in the store keeps every run).</summary>
    public int FinishedJobsKept { get; set; } = 50;

    /// <summary>Runs per page of the import history.</summary>
    public int HistoryPageSize { get; set; } = 25;
}
