using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsReader.Core.Following;
using NewsReader.Web.Following;

namespace NewsReader.Web.Tests.Following;

/// <summary>
/// Webhooks and private addresses (SSRF): a literal private, loopback or link-local address is refused
/// when saved with a message naming the switch; a name is checked against what it resolves to when
/// the POST connects; <see cref="WebhookOptions.AllowPrivateTargets"/> lets both through.
/// </summary>
public sealed class WebhookTargetTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0:9000/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://[64:ff9b::7f00:1]/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://api.localhost/hook")]
    public void Problem_PrivateAddress_RefusedNamingTheSwitchUnlessAllowed(string url)
    {
        var problem = WebhookUrls.Problem(url);

        Assert.NotNull(problem);
        Assert.Contains("private, loopback or link-local", problem, StringComparison.Ordinal);
        Assert.Contains(WebhookUrls.AllowPrivateSetting, problem, StringComparison.Ordinal);
        Assert.Null(WebhookUrls.Problem(url, allowPrivate: true));
    }

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("http://172.32.0.1/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    public void Problem_PublicAddressOrName_Accepted(string url) => Assert.Null(WebhookUrls.Problem(url));

    [Fact]
    public async Task Post_NameResolvingToLoopback_RefusedWhenItConnects()
    {
        // "localhost" stands for any name whose DNS answer is private: it passes no literal check.
        using var receiver = new RawReceiver();
        using var client = new HttpClient(WebhookConnector.Handler(allowPrivate: false));

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url("localhost"), new StringContent("{}")));

        Assert.Contains("private, loopback or link-local", e.Message + e.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal(0, receiver.Accepted);
    }

    [Fact]
    public async Task Post_LiteralLoopbackStoredBeforeTheRule_RefusedWhenItConnects()
    {
        using var receiver = new RawReceiver();
        using var client = new HttpClient(WebhookConnector.Handler(allowPrivate: false));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url("127.0.0.1"), new StringContent("{}")));

        Assert.Equal(0, receiver.Accepted);
    }

    [Fact]
    public async Task Post_PrivateTargetsAllowed_Delivered()
    {
        using var receiver = new RawReceiver();
        using var client = new HttpClient(WebhookConnector.Handler(allowPrivate: true));

        using var response = await client.PostAsync(receiver.Url("localhost"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, receiver.Accepted);
    }

    /// <summary>A loopback TCP listener answering every connection with a bare 200 and counting them.</summary>
    private sealed class RawReceiver : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _accepted;

        public RawReceiver()
        {
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Accepted => Volatile.Read(ref _accepted);

        public Uri Url(string host) => new($"http://{host}:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

        private async Task ServeAsync()
        {
            while (true)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                using (connection)
                {
                    var stream = connection.GetStream();
                    var buffer = new byte[8192];
                    _ = await stream.ReadAsync(buffer);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                }
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
