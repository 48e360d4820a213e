using System.Net;
using System.Net.Sockets;
using Kovablik.Platform;

namespace Kovablik.Competitions.Proposals;

public sealed class EvidenceOptions
{
    /// <summary>Shown next to every video link (the edition's rule on length), e.g. "Durasi video maksimal 3 menit.".</summary>
    public string VideoDurationNote { get; set; } = DefaultVideoDurationNote;

    public const string DefaultVideoDurationNote = "Durasi video maksimal 3 menit.";

    /// <summary>Links of submitted proposals are checked again when their last check is older than this.</summary>
    public int RecheckAfterHours { get; set; } = 24;

    /// <summary>Links re-checked per run of the periodic task.</summary>
    public int RecheckBatch { get; set; } = 20;

    public double LinkTimeoutSeconds { get; set; } = 10;
    public int MaxRedirects { get; set; } = 5;
}

public sealed record LinkCheckResult(LinkCheckStatus Status, int? HttpStatus, string? Message);

public interface ILinkChecker
{
    Task<LinkCheckResult> CheckAsync(string url, CancellationToken ct = default);
}

/// <summary>Resolves a host name: DNS in production, a table in tests (the test machine has no network).</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// Checks that an evidence link opens for an anonymous visitor. Redirects are followed by hand so every hop's
/// addresses are checked: a link must never make the server fetch from its own network (SSRF), and a redirect to a
/// sign-in page means the evidence is not public. YouTube is asked through its public oEmbed endpoint, which answers
/// 401/403 for private or non-embeddable videos and 404 for removed ones, where the watch page itself always says 200.
/// </summary>
public sealed class LinkChecker(IHttpClientFactory clients, IHostAddressResolver resolver, EvidenceOptions options) : ILinkChecker
{
    public const string ClientName = "LinkChecker";

    public const string UnreachableMessage = "Tautan tidak dapat dibuka.";
    public const string NotPublicMessage = "Tautan hanya dapat dibuka oleh akun yang masuk; ubah pengaturan berbagi menjadi publik.";
    public const string PrivateAddressMessage = "Tautan mengarah ke jaringan internal dan tidak diizinkan.";
    public const string DnsMessage = "Nama domain tautan tidak ditemukan.";
    public const string VideoMissingMessage = "Video tidak ditemukan atau sudah dihapus.";
    public const string VideoPrivateMessage = "Video bersifat privat atau tidak dapat disematkan.";
    public const string InvalidUrlMessage = "Alamat tautan tidak valid.";
    public const string TooManyRedirectsMessage = "Tautan dialihkan terlalu banyak kali sehingga tidak dapat dibuka.";

    private static readonly string[] SignInHosts = ["accounts.google.com", "login.microsoftonline.com", "login.live.com", "signin.aws.amazon.com"];
    private static readonly string[] SignInPaths = ["servicelogin", "/signin", "/login", "/sign_in", "/auth/"];
    private static readonly string[] YouTubeHosts = ["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be", "www.youtu.be"];

    public async Task<LinkCheckResult> CheckAsync(string url, CancellationToken ct = default)
    {
        if (!TryParse(url, out var uri)) return new(LinkCheckStatus.Unreachable, null, InvalidUrlMessage);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.001, options.LinkTimeoutSeconds)));
        try
        {
            if (IsYouTube(uri))
            {
                var oembed = new Uri("https://www.youtube.com/oembed?format=json&url=" + Uri.EscapeDataString(uri.AbsoluteUri));
                var (status, _, problem) = await FetchAsync(oembed, HttpMethod.Get, timeout.Token);
                if (problem is not null) return problem;
                return status switch
                {
                    >= 200 and < 300 => new(LinkCheckStatus.Ok, status, null),
                    401 or 403 => new(LinkCheckStatus.NotPublic, status, VideoPrivateMessage),
                    404 => new(LinkCheckStatus.Unreachable, status, VideoMissingMessage),
                    _ => new(LinkCheckStatus.Unreachable, status, Message.Format("Tautan menjawab dengan status HTTP {0}.", status)),
                };
            }

            var head = await FetchAsync(uri, HttpMethod.Head, timeout.Token);
            if (head.Problem is { } final && (final.Status == LinkCheckStatus.NotPublic || final.Message is PrivateAddressMessage or DnsMessage)) return final;
            if (head.Problem is null && head.Status is >= 200 and < 300) return Classify(head.Status, head.SignIn);
            // Many servers refuse or mishandle HEAD (405, 403, 404, a dropped connection): ask again with GET.
            var get = await FetchAsync(uri, HttpMethod.Get, timeout.Token);
            return get.Problem ?? Classify(get.Status, get.SignIn);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(LinkCheckStatus.Unreachable, null, Message.Format("Tautan tidak menjawab dalam {0} detik.", options.LinkTimeoutSeconds));
        }
    }

    private static LinkCheckResult Classify(int status, bool signIn) => status switch
    {
        _ when signIn => new(LinkCheckStatus.NotPublic, status, NotPublicMessage),
        >= 200 and < 300 => new(LinkCheckStatus.Ok, status, null),
        401 or 403 => new(LinkCheckStatus.NotPublic, status, NotPublicMessage),
        _ => new(LinkCheckStatus.Unreachable, status, Message.Format("Tautan menjawab dengan status HTTP {0}.", status)),
    };

    /// <summary>Follows redirects by hand; a problem result ends the check (private address, DNS, sign-in page, network).</summary>
    private async Task<(int Status, bool SignIn, LinkCheckResult? Problem)> FetchAsync(Uri start, HttpMethod method, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        var uri = start;
        for (var hop = 0; hop <= options.MaxRedirects; hop++)
        {
            var refused = await AddressProblemAsync(uri, ct);
            if (refused is not null) return (0, false, refused);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException e)
            {
                return (0, false, new(LinkCheckStatus.Unreachable, null, e.InnerException is PrivateAddressException ? PrivateAddressMessage : UnreachableMessage));
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                        return (status, false, new(LinkCheckStatus.Unreachable, status, UnreachableMessage));
                    if (IsSignInPage(next)) return (status, true, new(LinkCheckStatus.NotPublic, status, NotPublicMessage));
                    uri = next;
                    continue;
                }
                return (status, false, null);
            }
        }
        return (0, false, new(LinkCheckStatus.Unreachable, null, TooManyRedirectsMessage));
    }

    private async Task<LinkCheckResult?> AddressProblemAsync(Uri uri, CancellationToken ct)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(uri.IdnHost, ct);
            }
            catch (SocketException)
            {
                return new(LinkCheckStatus.Unreachable, null, DnsMessage);
            }
            catch (ArgumentException)
            {
                return new(LinkCheckStatus.Unreachable, null, DnsMessage);
            }
        }
        if (addresses.Length == 0) return new(LinkCheckStatus.Unreachable, null, DnsMessage);
        // Every address, not just the first: a name with one public and one internal address could be steered inside.
        return addresses.All(IsPublic) ? null : new(LinkCheckStatus.Unreachable, null, PrivateAddressMessage);
    }

    public static bool TryParse(string? url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000) return false;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (string.IsNullOrEmpty(parsed.Host) || !string.IsNullOrEmpty(parsed.UserInfo)) return false;
        uri = parsed;
        return true;
    }

    /// <summary>A YouTube video (watch, short, live, embed or youtu.be link); a channel page is checked like any website.</summary>
    public static bool IsYouTube(Uri uri)
    {
        if (!YouTubeHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)) return false;
        if (uri.Host.EndsWith("youtu.be", StringComparison.OrdinalIgnoreCase)) return uri.AbsolutePath.Length > 1;
        var path = uri.AbsolutePath;
        return path.Equals("/watch", StringComparison.OrdinalIgnoreCase)
            || ((string[])["/shorts/", "/live/", "/embed/"]).Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSignInPage(Uri uri) =>
        SignInHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
        || SignInPaths.Any(p => uri.AbsolutePath.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>False for loopback, private, link-local, carrier-grade NAT, multicast, reserved and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || b[0] >= 224);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
                return false;
            var b = address.GetAddressBytes();
            // NAT64 and 6to4 embed an IPv4 address that could be internal; refuse them rather than decode.
            if (b[0] == 0x20 && b[1] == 0x02) return false;
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The production handler: no proxy (it would hide the address), no automatic redirects (each hop is checked
    /// above), and a connect step that refuses internal addresses again, so a DNS answer that changes between the
    /// check and the connection (rebinding) still cannot reach inside.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(double timeoutSeconds) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (addresses.Length == 0 || !addresses.All(IsPublic)) throw new PrivateAddressException();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public sealed class PrivateAddressException() : IOException("The link resolves to an internal address.");
}
