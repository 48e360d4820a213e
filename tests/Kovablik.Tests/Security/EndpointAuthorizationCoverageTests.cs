using System.Net;
using System.Reflection;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Security;

/// <summary>
/// Every page and endpoint must say who may use it: a named policy (or roles), or explicit anonymous access.
/// The Razor Pages folder convention (SignedIn for everything) is a safety net and does not count, because
/// its AuthorizeAttribute is indistinguishable in endpoint metadata; pages are therefore checked on the
/// attributes of their page model (or page) type.
/// </summary>
public abstract class EndpointAuthorizationCoverageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public void Every_endpoint_declares_a_policy_or_anonymous_access()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null).ToList();
        var others = endpoints.Except(pages).ToList();
        // Guard against a vacuous pass: the known pages and API endpoints must be enumerated.
        Assert.Contains(pages, e => e.RoutePattern.RawText == "Akun/Masuk");
        Assert.Contains(others, e => e.RoutePattern.RawText == "/api/v1/organisations/");
        Assert.True(others.Count(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal)) >= 20);

        var offenders = new List<string>();
        foreach (var page in pages)
        {
            var d = page.Metadata.GetMetadata<CompiledPageActionDescriptor>()!;
            if (!DeclaresAccess(d.HandlerTypeInfo) && !DeclaresAccess(d.ModelTypeInfo) && !DeclaresAccess(d.PageTypeInfo))
                offenders.Add($"page /{page.RoutePattern.RawText} ({d.HandlerTypeInfo.FullName})");
        }
        foreach (var endpoint in others)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrWhiteSpace(a.Policy) || !string.IsNullOrWhiteSpace(a.Roles));
            if (!anonymous && !named)
                offenders.Add($"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}");
        }
        Assert.True(offenders.Count == 0, "Endpoints without [Authorize(Policy = ...)] or [AllowAnonymous]:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_page_model_declares_a_policy_or_anonymous_access()
    {
        var models = typeof(Kovablik.Web.SharedResource).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Contains(models, t => t.Name == "MasukModel");
        var offenders = models.Where(t => !DeclaresAccess(t)).Select(t => t.FullName).ToList();
        Assert.True(offenders.Count == 0, "Page models without [Authorize(Policy = ...)] or [AllowAnonymous]:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Check_does_not_accept_a_page_model_that_relies_on_the_folder_convention()
    {
        Assert.False(DeclaresAccess(typeof(ConventionOnlyModel)));
        Assert.False(DeclaresAccess(typeof(BareAuthorizeModel)));
        Assert.True(DeclaresAccess(typeof(PolicyModel)));
        Assert.True(DeclaresAccess(typeof(AnonymousModel)));
    }

    [Fact]
    public async Task Anonymous_request_to_the_management_api_gets_401_problem_details()
    {
        var response = await App.AnonymousClient().GetAsync("/api/v1/innovations/manage", Ct);
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Anonymous_request_to_a_management_page_is_sent_to_sign_in()
    {
        var response = await App.AnonymousClient().GetAsync("/Kelola/Inovasi", Ct);
        await response.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/Akun/Masuk", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2FKelola%2FInovasi", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    private static bool DeclaresAccess(Type? type) =>
        type is not null
        && (type.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any()
            || type.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().Any(a => !string.IsNullOrWhiteSpace(a.Policy) || !string.IsNullOrWhiteSpace(a.Roles)));

    private sealed class ConventionOnlyModel : PageModel;

    [Authorize]
    private sealed class BareAuthorizeModel : PageModel;

    [Authorize(Policy = "SignedIn")]
    private sealed class PolicyModel : PageModel;

    [AllowAnonymous]
    private sealed class AnonymousModel : PageModel;
}

public sealed class EndpointAuthorizationCoverageTestsSqlite() : EndpointAuthorizationCoverageTests(DatabaseProvider.Sqlite);

public sealed class EndpointAuthorizationCoverageTestsPostgres() : EndpointAuthorizationCoverageTests(DatabaseProvider.Postgres);
