using System.Net;
using System.Net.Sockets;
using NewsReader.Core.Following;

namespace NewsReader.Web.Following;

/// <summary>
/// The webhook client's connections: the host name is resolved here and every address checked
/// (<see cref="WebhookUrls.IsPrivate"/>) right before the socket connects to it, so a name that
/// resolves to a private address, now or after a DNS change between saving and sending (rebinding),
/// is refused unless <see cref="WebhookOptions.AllowPrivateTargets"/> is on. Redirects are not
/// followed and no proxy is used, so the address checked is the address reached.
/// </summary>
internal static class WebhookConnector
{
    /// <summary>The webhook client's handler.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
    };

    /// <summary>Connects to the first address of the host that may be reached.</summary>
    /// <exception cref="HttpRequestException">Every address is private (and those are not allowed), or none answered.</exception>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !WebhookUrls.IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(addresses.Length == 0
                ? $"{endPoint.Host} has no address"
                : $"{endPoint.Host} resolves to a private, loopback or link-local address ({addresses[0]}), which webhooks may not reach ({WebhookUrls.AllowPrivateSetting} is off)");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException(last!.Message, last);
    }
}
