using Kovablik.Data;

namespace Kovablik.Tests.Infrastructure;

/// <summary>
/// One app (and database) per test class and provider: created on the first test of the class, disposed
/// after its last one. Tests of a class share the database, so each test creates the data it looks at.
/// </summary>
public sealed class AppFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private KovablikAppFactory? _factory;

    public async Task<KovablikAppFactory> GetAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (_factory is not null && _factory.Provider != provider)
                throw new InvalidOperationException("A test class must use one database provider.");
            return _factory ??= await KovablikAppFactory.CreateAsync(provider);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        _lock.Dispose();
    }
}

/// <summary>
/// Base of every integration test class. Each class is written once as an abstract class and run twice,
/// by a <c>...Sqlite</c> and a <c>...Postgres</c> subclass at the bottom of its file.
/// </summary>
public abstract class IntegrationTest(DatabaseProvider provider) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private KovablikAppFactory? _app;

    protected DatabaseProvider Provider { get; } = provider;

    protected KovablikAppFactory App => _app ?? throw new InvalidOperationException("The app starts in InitializeAsync.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        var fixture = await TestContext.Current.GetFixture<AppFixture>()
            ?? throw new InvalidOperationException("AppFixture is not attached to this test class.");
        _app = await fixture.GetAsync(Provider);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
