using MudBlazor.Services;
using NewsReader.Web;
using NewsReader.Web.Account;
using NewsReader.Web.Admin.Importing;
using NewsReader.Web.Admin;
using NewsReader.Web.Api;
using NewsReader.Web.Feeds;
using NewsReader.Web.Following;
using NewsReader.Web.Hosting;
using NewsReader.Web.Tagging;

var builder = WebApplication.CreateBuilder(args);

// Serve package assets (MudBlazor's CSS/JS) from the build output in every environment, not only in
// Development, so `dotnet run` works the same with any ASPNETCORE_ENVIRONMENT. No-op when published.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddReaderStore(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddAdminImports(builder.Configuration, builder.Environment);
builder.Services.AddCuration();
builder.Services.AddTagging();
builder.Services.AddReaderHealth();
builder.Services.AddFeeds();
builder.Services.AddFollowing(builder.Configuration);
builder.Services.AddReadApi(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseSecurityHeaders(); // first, so every response carries them (static files, 404s, errors)
app.UseHeadAsGet(); // before routing, so HEAD finds the GET endpoints
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapReaderHealth();
app.MapAccountEndpoints();
app.MapAdminImports();
app.MapFeeds();
app.MapReadApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.InitializeStoreAsync();
await app.EnsureFirstAdminAsync();
await app.RunAsync();

/// <summary>The web app's entry point; public so integration tests can host it.</summary>
public partial class Program;
