using System.Collections.Concurrent;
using System.Net;
using Kovablik.Competitions.Proposals;

namespace Kovablik.Tests.Infrastructure;

/// <summary>
/// The outside world for the app under test: every outgoing HttpClient request and every DNS lookup of the link
/// checker lands here, so no test touches the network. Unknown URLs fail like a machine without internet.
/// Routes are keyed by absolute URL (tests use unique URLs, so tests sharing an app never see each other's).
/// </summary>
public sealed class FakeExternalHttp : HttpMessageHandler, IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _routes = new();
    private readonly ConcurrentDictionary<string, IPAddress[]> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public static readonly IPAddress PublicAddress = IPAddress.Parse("93.184.215.14");

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public void Answer(string url, HttpStatusCode status, string? location = null) => _routes[url] = _ =>
    {
        var response = new HttpResponseMessage(status);
        if (location is not null) response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    };

    public void Answer(string url, Func<HttpRequestMessage, HttpResponseMessage> respond) => _routes[url] = respond;

    /// <summary>What a host name resolves to; unnamed hosts resolve to one public address.</summary>
    public void Resolve(string host, params IPAddress[] addresses) => _hosts[host] = addresses;

    public static string YouTubeOembed(string videoUrl) => "https://www.youtube.com/oembed?format=json&url=" + Uri.EscapeDataString(videoUrl);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (_routes.TryGetValue(request.RequestUri!.AbsoluteUri, out var respond))
        {
            var response = respond(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
        throw new HttpRequestException("No network in tests: " + request.RequestUri);
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        Task.FromResult(_hosts.TryGetValue(host, out var addresses) ? addresses : [PublicAddress]);
}
