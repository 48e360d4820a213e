using Kovablik.Competitions.Proposals;

namespace Kovablik.Web.Infrastructure;

/// <summary>Re-checks the evidence links of proposals waiting for review, so a link that died after submission is flagged before Panitia open it.</summary>
public sealed class LinkRecheckTask(ProposalEvidenceService evidence) : IPeriodicTask
{
    public Task RunAsync(CancellationToken ct) => evidence.RecheckDueAsync(ct);
}
