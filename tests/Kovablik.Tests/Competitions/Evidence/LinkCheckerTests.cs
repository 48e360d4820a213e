using System.Net;
using System.Net.Sockets;
using Kovablik.Competitions.Proposals;
using Kovablik.Tests.Infrastructure;

namespace Kovablik.Tests.Competitions.Evidence;

/// <summary>The link checker's classification, with the network replaced by <see cref="FakeExternalHttp"/>.</summary>
public sealed class LinkCheckerTests
{
    private readonly FakeExternalHttp _net = new();

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private LinkChecker Checker(double timeoutSeconds = 10) =>
        new(new Clients(_net), _net, new EvidenceOptions { LinkTimeoutSeconds = timeoutSeconds });

    private Task<LinkCheckResult> Check(string url) => Checker().CheckAsync(url, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_page_that_answers_200_is_ok_with_one_HEAD_request()
    {
        _net.Answer("https://dinas.example.id/inovasi", HttpStatusCode.OK);
        var result = await Check("https://dinas.example.id/inovasi");
        Assert.Equal(LinkCheckStatus.Ok, result.Status);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(HttpMethod.Head, Assert.Single(_net.Requests).Method);
    }

    [Fact]
    public async Task A_server_that_refuses_HEAD_is_asked_again_with_GET()
    {
        _net.Answer("https://dinas.example.id/head", r => new HttpResponseMessage(r.Method == HttpMethod.Head ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.OK));
        var result = await Check("https://dinas.example.id/head");
        Assert.Equal(LinkCheckStatus.Ok, result.Status);
        Assert.Equal([HttpMethod.Head, HttpMethod.Get], _net.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_404_is_unreachable()
    {
        _net.Answer("https://dinas.example.id/hilang", HttpStatusCode.NotFound);
        var result = await Check("https://dinas.example.id/hilang");
        Assert.Equal(LinkCheckStatus.Unreachable, result.Status);
        Assert.Equal(404, result.HttpStatus);
        Assert.Contains("404", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_is_not_public()
    {
        _net.Answer("https://dinas.example.id/rahasia", HttpStatusCode.Forbidden);
        var result = await Check("https://dinas.example.id/rahasia");
        Assert.Equal(LinkCheckStatus.NotPublic, result.Status);
        Assert.Equal(403, result.HttpStatus);
    }

    [Fact]
    public async Task A_redirect_to_a_sign_in_page_is_not_public()
    {
        _net.Answer("https://drive.google.com/file/d/abc/view", HttpStatusCode.Found, "https://accounts.google.com/ServiceLogin?continue=x");
        var result = await Check("https://drive.google.com/file/d/abc/view");
        Assert.Equal(LinkCheckStatus.NotPublic, result.Status);
        Assert.DoesNotContain(_net.Requests, r => r.RequestUri!.Host == "accounts.google.com");
    }

    [Fact]
    public async Task Redirects_are_followed_to_the_final_page()
    {
        _net.Answer("http://dinas.example.id/lama", HttpStatusCode.MovedPermanently, "https://dinas.example.id/baru");
        _net.Answer("https://dinas.example.id/baru", HttpStatusCode.OK);
        var result = await Check("http://dinas.example.id/lama");
        Assert.Equal(LinkCheckStatus.Ok, result.Status);
        Assert.Equal(2, _net.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, LinkCheckStatus.Ok)]
    [InlineData(HttpStatusCode.Unauthorized, LinkCheckStatus.NotPublic)]
    [InlineData(HttpStatusCode.Forbidden, LinkCheckStatus.NotPublic)]
    [InlineData(HttpStatusCode.NotFound, LinkCheckStatus.Unreachable)]
    public async Task YouTube_is_asked_through_its_oembed_endpoint(HttpStatusCode oembed, LinkCheckStatus expected)
    {
        const string video = "https://www.youtube.com/watch?v=abcDEF12345";
        _net.Answer(FakeExternalHttp.YouTubeOembed(video), oembed);
        var result = await Check(video);
        Assert.Equal(expected, result.Status);
        var request = Assert.Single(_net.Requests);
        Assert.Equal("/oembed", request.RequestUri!.AbsolutePath);
        if (expected == LinkCheckStatus.NotPublic) Assert.Equal(LinkChecker.VideoPrivateMessage, result.Message);
        if (expected == LinkCheckStatus.Unreachable) Assert.Equal(LinkChecker.VideoMissingMessage, result.Message);
    }

    [Fact]
    public async Task A_YouTube_channel_page_is_checked_like_a_website()
    {
        const string channel = "https://www.youtube.com/@dinaskominfo";
        Assert.False(LinkChecker.IsYouTube(new Uri(channel)), new Uri(channel).AbsolutePath);
        _net.Answer(channel, HttpStatusCode.OK);
        var result = await Check(channel);
        Assert.True(result.Status == LinkCheckStatus.Ok, result.Message + " " + string.Join(", ", _net.Requests.Select(r => r.RequestUri)));
        Assert.DoesNotContain(_net.Requests, r => r.RequestUri!.AbsolutePath == "/oembed");
        Assert.True(LinkChecker.IsYouTube(new Uri("https://youtu.be/abcDEF12345")));
        Assert.True(LinkChecker.IsYouTube(new Uri("https://www.youtube.com/shorts/abcDEF12345")));
    }

    [Fact]
    public async Task A_link_that_never_answers_times_out_as_unreachable()
    {
        var handler = new NeverAnswers();
        var checker = new LinkChecker(new Clients(handler), _net, new EvidenceOptions { LinkTimeoutSeconds = 0.05 });
        var result = await checker.CheckAsync("https://lambat.example.id/", TestContext.Current.CancellationToken);
        Assert.Equal(LinkCheckStatus.Unreachable, result.Status);
        Assert.Contains("tidak menjawab", result.Message, StringComparison.Ordinal);
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("192.168.1.10")]
    [InlineData("172.20.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    public async Task A_host_resolving_to_an_internal_address_is_refused_without_a_request(string address)
    {
        _net.Resolve("intranet.example.id", IPAddress.Parse(address));
        _net.Answer("https://intranet.example.id/", HttpStatusCode.OK);
        var result = await Check("https://intranet.example.id/");
        Assert.Equal(LinkCheckStatus.Unreachable, result.Status);
        Assert.Equal(LinkChecker.PrivateAddressMessage, result.Message);
        Assert.Empty(_net.Requests);
    }

    [Fact]
    public async Task Every_address_of_a_host_is_checked_and_literals_and_redirect_targets_too()
    {
        _net.Resolve("campur.example.id", FakeExternalHttp.PublicAddress, IPAddress.Parse("10.0.0.7"));
        Assert.Equal(LinkChecker.PrivateAddressMessage, (await Check("https://campur.example.id/")).Message);
        Assert.Equal(LinkChecker.PrivateAddressMessage, (await Check("http://127.0.0.1:8080/admin")).Message);
        Assert.Equal(LinkChecker.PrivateAddressMessage, (await Check("http://[::1]/")).Message);

        _net.Resolve("dalam.example.id", IPAddress.Parse("192.168.0.1"));
        _net.Answer("https://luar.example.id/", HttpStatusCode.Found, "https://dalam.example.id/rahasia");
        var redirected = await Check("https://luar.example.id/");
        Assert.Equal(LinkChecker.PrivateAddressMessage, redirected.Message);
        Assert.DoesNotContain(_net.Requests, r => r.RequestUri!.Host == "dalam.example.id");
    }

    [Fact]
    public async Task No_network_and_unknown_names_are_unreachable()
    {
        Assert.Equal(LinkCheckStatus.Unreachable, (await Check("https://tanpa-jaringan.example.id/")).Status);
        var dns = new LinkChecker(new Clients(_net), new NoDns(), new EvidenceOptions());
        var result = await dns.CheckAsync("https://tidak-ada.example.id/", TestContext.Current.CancellationToken);
        Assert.Equal(LinkCheckStatus.Unreachable, result.Status);
        Assert.Equal(LinkChecker.DnsMessage, result.Message);
    }

    private sealed class NoDns : IHostAddressResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => throw new SocketException((int)SocketError.HostNotFound);
    }

    [Theory]
    [InlineData("ftp://dinas.example.id/berkas")]
    [InlineData("/relatif")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pass@dinas.example.id/")]
    [InlineData("")]
    public void Only_absolute_http_and_https_links_parse(string url) => Assert.False(LinkChecker.TryParse(url, out _));

    [Fact]
    public void Public_addresses_are_public()
    {
        Assert.True(LinkChecker.IsPublic(IPAddress.Parse("8.8.8.8")));
        Assert.True(LinkChecker.IsPublic(IPAddress.Parse("2001:4860:4860::8888")));
        Assert.False(LinkChecker.IsPublic(IPAddress.Parse("0.0.0.0")));
        Assert.False(LinkChecker.IsPublic(IPAddress.Parse("224.0.0.1")));
    }
}
