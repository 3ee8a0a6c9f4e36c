using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Core.Data;
using NewsReader.Core.Importing;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Tests.Account;
using NewsReader.Web.Tests.Http;
using NewsReader.Web.Tests.Security;

namespace NewsReader.Web.Tests.Admin.Importing;

/// <summary>
/// Matrix rows for the import area. Every allowed row is harmless to the shared store: uploads carry
/// a binary file (refused: a refused run, no stories), and the actions refuse or record only.
/// </summary>
public sealed class ImportMatrixRows : IMatrixSource
{
    public async Task PrepareAsync(WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A run for the report page's sample URL (the matrix store is fresh, so it is run 1 or an earlier row's).
        await app.Factory.Services.GetRequiredService<ImportHistory>()
            .RecordRefusedAsync("matrix.txt", string.Empty, 0, "matrix", "prepared for the authorization matrix");
    }

    public IEnumerable<PageRow> Pages =>
    [
        // An unknown job id: admins get the "not known any more" page (200), others never see it.
        new("/admin/imports/{Id:guid}", Access.Admin, "/admin/imports/00000000-0000-0000-0000-000000000001"),
        new("/admin/imports/runs/{RunId:long}", Access.Admin, "/admin/imports/runs/1"),
    ];

    public IEnumerable<EndpointRow> Endpoints =>
    [
        new("import upload with token", "POST", UploadEndpoint.Path, Access.Admin)
        {
            AllowedStatus = HttpStatusCode.Found, // to the job page, which says the file was refused
            Content = async client => Upload(await client.GetAntiforgeryTokenAsync()),
        },
        // CSRF: without the token even an admin's upload is refused and starts nothing.
        new("import upload without token", "POST", UploadEndpoint.Path, Access.Admin)
        {
            AllowedStatus = HttpStatusCode.BadRequest,
            Content = _ => Task.FromResult<HttpContent?>(Upload(null)),
        },
    ];

    public IEnumerable<ActionRow> Actions =>
    [
        new("ImportActions.QueueUploadAsync", Access.Admin, async sp =>
        {
            using var body = new MemoryStream(SeedFiles.Binary());
            var (received, _) = await sp.GetRequiredService<UploadReceiver>().ReceiveFileAsync(body, "matrix.bin", long.MaxValue, CancellationToken.None);
            var job = await sp.GetRequiredService<ImportActions>().QueueUploadAsync(received!);
            Assert.Equal(ImportJobState.Refused, job.Status.State);
        }),
        new("ImportActions.RefuseTooLargeAsync", Access.Admin, sp => sp.GetRequiredService<ImportActions>().RefuseTooLargeAsync("matrix-big.txt", 1)),

        // Not ReimportSeedsAsync: allowed, it would import the real seeds into the shared store
        // (its anonymous/reader/admin checks are in ImportServiceTests.Actions_NotAdmin_ThrowAndChangeNothing).
    ];

    private static MultipartFormDataContent Upload(string? token)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), TestAccounts.AntiforgeryField);
        }

        content.Add(new ByteArrayContent(SeedFiles.Binary()), "files", "matrix.bin");
        return content;
    }
}
