using Kovablik.Data;
using Npgsql;

namespace Kovablik.Tests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_unless_the_connection_string_decides()
    {
        var added = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=kovablik;Username=app;Password=p;Maximum Pool Size=50"));
        Assert.Equal((64, 2), (added.MaxAutoPrepare, added.AutoPrepareMinUsages));
        Assert.Equal(("db", "kovablik", "app", "p", 50), (added.Host, added.Database, added.Username, added.Password, added.MaxPoolSize));

        // An operator who set it keeps their setting.
        const string off = "Host=db;Database=kovablik;Max Auto Prepare=0";
        Assert.Equal(off, DatabaseSetup.WithAutoPrepare(off));
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;MaxAutoPrepare=0")).MaxAutoPrepare);
    }
}
