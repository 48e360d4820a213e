namespace Kovablik.Competitions.Proposals;

/// <summary>
/// One winnowing fingerprint of a submitted proposal's text (<see cref="Validation.TextOverlap.Fingerprints"/>): the
/// index that lets the verbatim-reuse check find the few proposals worth comparing among thousands.
/// </summary>
public sealed class ProposalFingerprint
{
    public int ProposalId { get; set; }
    public int EditionId { get; set; }
    public long Hash { get; set; }
}
