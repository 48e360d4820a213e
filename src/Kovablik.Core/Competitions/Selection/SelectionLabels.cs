using Kovablik.Competitions.Proposals;

namespace Kovablik.Competitions.Selection;

/// <summary>Indonesian labels (resource keys) for proposal statuses and selection outcomes.</summary>
public static class SelectionLabels
{
    public static string Display(SelectionOutcome o) => o switch
    {
        SelectionOutcome.Passed => "Lolos",
        SelectionOutcome.Failed => "Tidak lolos",
        SelectionOutcome.RepairRequested => "Perbaikan",
        _ => "Belum diputuskan",
    };

    public static string Display(SelectionState s) => s switch
    {
        SelectionState.AwaitingApproval => "Menunggu persetujuan pimpinan",
        SelectionState.Passed => "Lolos",
        SelectionState.Failed => "Tidak lolos",
        SelectionState.RepairRequested => "Perbaikan",
        _ => "Belum diputuskan",
    };

    public static string Display(ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "Draf",
        ProposalStatus.Submitted => "Diajukan",
        ProposalStatus.Returned => "Dikembalikan",
        ProposalStatus.Approved => "Disetujui",
        ProposalStatus.Repair => "Perbaikan",
        _ => "Ditarik",
    };
}
