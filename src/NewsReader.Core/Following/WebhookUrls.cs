using System.Net;
using System.Net.Sockets;

namespace NewsReader.Core.Following;

/// <summary>The rules a saved search's webhook address must meet, and which network addresses it may reach.</summary>
public static class WebhookUrls
{
    public const int MaxLength = Data.SavedSearch.MaxWebhookUrlLength;

    /// <summary>The setting that lets webhooks reach private, loopback and link-local addresses.</summary>
    public const string AllowPrivateSetting = "Webhooks:AllowPrivateTargets";

    /// <summary>
    /// Why <paramref name="url"/> cannot be a webhook address (a message safe to show), or null when it
    /// can. Unless <paramref name="allowPrivate"/>, an address that is itself private (a literal IP or
    /// <c>localhost</c>) is refused here with a clear message; a name is checked when each POST
    /// connects, against what it resolves to then (see <see cref="IsPrivate"/>).
    /// </summary>
    public static string? Problem(string? url, bool allowPrivate = false)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Give the address the matches should be sent to.";
        }

        if (url.Length > MaxLength)
        {
            return $"A webhook address is at most {MaxLength} characters.";
        }

        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "A webhook address has no spaces or control characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "That is not a full web address (https://example.com/hook).";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "A webhook address starts with https:// or http://.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Leave user names and passwords out of the address: each POST is signed with the search's secret instead.";
        }

        if (!allowPrivate && IsPrivateHost(uri))
        {
            return $"{uri.Host} is a private, loopback or link-local address; webhooks are sent to public addresses only " +
                $"(an administrator can allow private ones with {AllowPrivateSetting}).";
        }

        return null;
    }

    /// <summary>
    /// Whether an address is one a webhook must not reach by default: unspecified, loopback, private
    /// networks (10/8, 172.16/12, 192.168/16, fc00::/7), shared address space (100.64/10), link-local
    /// (169.254/16, where cloud metadata services listen, and fe80::/10), site-local (fec0::/10),
    /// "this network" (0/8), benchmarking (198.18/15), multicast and reserved (224/3); IPv4 inside
    /// IPv6 (mapped, NAT64 or 6to4 forms) by its IPv4 address.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xFE) == 18);
        }

        var v6 = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address a gateway would reach.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4..12].All(x => x == 0))
        {
            return IsPrivate(new IPAddress(v6[12..16]));
        }

        return v6[0] == 0x20 && v6[1] == 0x02 && IsPrivate(new IPAddress(v6[2..6]));
    }

    private static bool IsPrivateHost(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip))
        {
            return IsPrivate(ip);
        }

        var host = uri.IdnHost.TrimEnd('.');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
