using System.Globalization;
using NewsReader.Core.Curation;
using NewsReader.Core.Importing;
using NewsReader.Web.Stories;

namespace NewsReader.Web.Admin.Importing;

/// <summary>Where the admin pages link the import history's runs and the stories a report names (the history itself is Core's).</summary>
public static class ImportUrls
{
    /// <summary>The report page of a run.</summary>
    public static string RunPage(long id) => "/admin/imports/runs/" + id.ToString(CultureInfo.InvariantCulture);

    extension(ImportRunRow run)
    {
        /// <summary>The run's report page.</summary>
        public string Url => RunPage(run.Id);
    }
}

/// <summary>Where a report's story links lead: the story as readers see it.</summary>
public static class StoryRefUrls
{
    extension(StoryRef story)
    {
        /// <summary>The story as readers see it.</summary>
        public string Url => StoryPage.UrlFor(story.Slug);
    }
}
