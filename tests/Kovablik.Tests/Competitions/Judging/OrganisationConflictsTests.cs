using Kovablik.Competitions.Judging;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class OrganisationConflictsTests
{
    [Theory]
    [InlineData("/1/7/42/", "/1/7/42/", true)]       // the proposal's own unit
    [InlineData("/1/7/", "/1/7/42/", true)]          // its kabupaten/kota (ancestor)
    [InlineData("/1/7/42/99/", "/1/7/42/", true)]    // a unit below it (descendant)
    [InlineData("/1/7/55/", "/1/7/42/", true)]       // another unit of the same kabupaten/kota
    [InlineData("/1/7/55/3/", "/1/7/42/8/", true)]
    [InlineData("/1/", "/1/7/42/", true)]            // the province root is an ancestor of everything
    [InlineData("/1/8/55/", "/1/7/42/", false)]      // another kabupaten/kota
    [InlineData("/1/71/", "/1/7/", false)]           // not fooled by a shared string prefix
    [InlineData("/2/7/", "/1/7/", false)]            // another province
    [InlineData(null, "/1/7/42/", false)]            // an academic without affiliation
    [InlineData("/1/7/", null, false)]
    public void Tree_rule(string? juror, string? proposal, bool conflicts) =>
        Assert.Equal(conflicts, OrganisationConflicts.Conflicts(juror, proposal));

    [Fact]
    public void A_path_that_is_not_ids_is_refused()
    {
        Assert.Throws<FormatException>(() => OrganisationConflicts.Parse("/1/x/"));
        Assert.Empty(OrganisationConflicts.Parse("/"));
    }
}
