using Kovablik.Competitions;
using Kovablik.Exhibitions;

namespace Kovablik.Web.Pages.Panitia.Pameran;

/// <summary>The exhibition form: dates as WIB (datetime-local), like the edition pages.</summary>
public sealed class ExhibitionForm
{
    public string? Name { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Venue { get; set; }
    public string? Description { get; set; }
    public DateTime? VotingOpensAt { get; set; }
    public DateTime? VotingClosesAt { get; set; }
    public int? MaxVotesPerPerson { get; set; } = ExhibitionService.DefaultMaxVotes;
    public bool Published { get; set; }
    public Guid? Version { get; set; }

    public ExhibitionInput ToInput() => new(Name, StartsOn, EndsOn, Venue, Description, VotingOpensAt, VotingClosesAt, MaxVotesPerPerson, Published, Version);

    public static ExhibitionForm From(Exhibition e) => new()
    {
        Name = e.Name, StartsOn = e.StartsOn, EndsOn = e.EndsOn, Venue = e.Venue, Description = e.Description,
        VotingOpensAt = EditionService.ToWibLocal(e.VotingOpensAt), VotingClosesAt = EditionService.ToWibLocal(e.VotingClosesAt),
        MaxVotesPerPerson = e.MaxVotesPerPerson, Published = e.Status == ExhibitionStatus.Published, Version = e.Version,
    };
}
