namespace Kovablik.Competitions.Judging;

/// <summary>A proposal to assign; <see cref="Panel"/> (a category or cluster) limits it to jurors of that panel.</summary>
public sealed record AssignmentProposal(int ProposalId, string? OrganisationPath = null, string? Panel = null);

/// <summary>
/// A juror in the pool. <see cref="LoadLimit"/> caps their proposals in the stage (null: no cap);
/// <see cref="Panels"/> lists the panels they sit on (null: any proposal).
/// </summary>
public sealed record AssignmentJuror(int JurorId, string? OrganisationPath = null, int? LoadLimit = null, IReadOnlyCollection<string>? Panels = null);

public readonly record struct JurorProposal(int JurorId, int ProposalId);

public sealed record AssignmentRequest
{
    public required IReadOnlyList<AssignmentProposal> Proposals { get; init; }
    public required IReadOnlyList<AssignmentJuror> Jurors { get; init; }
    public int JurorsPerProposal { get; init; } = JudgingDefaults.JurorsPerProposal;

    /// <summary>Declared by jurors or units, or recorded by Panitia: never assigned.</summary>
    public IReadOnlyCollection<JurorProposal> DeclaredConflicts { get; init; } = [];

    /// <summary>Panitia's manual assignments: kept as they are (unless conflicted) and counted in the loads.</summary>
    public IReadOnlyCollection<JurorProposal> Pinned { get; init; } = [];

    /// <summary>Panitia's manual removals: never assigned, though not conflicts.</summary>
    public IReadOnlyCollection<JurorProposal> Removed { get; init; } = [];

    /// <summary>Apply <see cref="OrganisationConflicts"/> to the jurors' and proposals' organisation paths.</summary>
    public bool UseOrganisationTree { get; init; } = true;

    /// <summary>Same request and seed, same assignment.</summary>
    public int Seed { get; init; }
}

public enum ShortfallReason
{
    /// <summary>Fewer than k jurors may score it at all (conflicts, panels, removals).</summary>
    NotEnoughEligibleJurors,
    /// <summary>Enough jurors may score it, but they have reached their load limits.</summary>
    JurorsAtLoadLimit,
}

public sealed record AssignmentShortfall(int ProposalId, int Assigned, int Needed, int EligibleJurors, ShortfallReason Reason);

public enum PinRejection
{
    /// <summary>The juror is conflicted with the proposal: a pin never overrides a conflict.</summary>
    Conflict,
    UnknownJurorOrProposal,
    /// <summary>The same pair is both pinned and removed.</summary>
    AlsoRemoved,
}

public sealed record RejectedPin(JurorProposal Pin, PinRejection Reason);

public sealed record AssignmentResult(
    IReadOnlyList<JurorProposal> Assignments,
    IReadOnlyList<AssignmentShortfall> Shortfalls,
    IReadOnlyList<RejectedPin> RejectedPins,
    IReadOnlyDictionary<int, int> Loads,
    IReadOnlyList<int> JurorsOverLimitByPins)
{
    public bool IsComplete => Shortfalls.Count == 0;
}

/// <summary>
/// Assigns k jurors to every proposal. Never a conflicted juror (organisation tree, declarations); removals and panels
/// are respected, pins kept, load limits never exceeded by the algorithm. Three phases:
/// <list type="number">
/// <item>Greedy: proposals with the fewest eligible jurors first (seeded random order among equals); each takes its
/// missing jurors among the least-loaded eligible ones (seeded random among equal loads).</item>
/// <item>Completion: for a proposal still short, search an augmenting path (juror x₀ takes the proposal, gives one of
/// theirs to x₁, who gives one to x₂ … until a juror below their limit), the residual-graph step of max-flow; so a
/// shortfall remains only when no assignment could fill it.</item>
/// <item>Balancing: while some juror carries at least 2 more than another juror who is below their limit and a chain of
/// hand-overs connects them, move one proposal along the chain. Every move lowers Σ load², so this ends, and at the end
/// loads of jurors without a binding limit are within ±1 of each other wherever eligibility lets proposals move.</item>
/// </list>
/// Pinned pairs are never moved. Impossible requests are reported in <see cref="AssignmentResult.Shortfalls"/>, never thrown.
/// </summary>
public static class JuryAssignment
{
    public static AssignmentResult Assign(AssignmentRequest request) => new Solver(request).Run();

    private sealed class Solver
    {
        private readonly AssignmentRequest _request;
        private readonly int _p, _j, _k;
        private readonly bool[] _eligible;   // [p * J + j]: may be assigned by the algorithm
        private readonly bool[] _assigned;   // [p * J + j]
        private readonly bool[] _pinned;     // [p * J + j]
        private readonly List<int>[] _jurorsOf;
        private readonly List<int>[] _proposalsOf;
        private readonly int[] _load, _limit, _eligibleCount, _eligiblePerJuror;
        private readonly List<RejectedPin> _rejected = [];
        private readonly Random _random;

        // BFS scratch, reused between searches.
        private readonly int[] _parentJuror, _viaProposal, _queue;
        private readonly int[] _visitMark;
        private int _visitStamp;

        public Solver(AssignmentRequest request)
        {
            _request = request;
            _p = request.Proposals.Count;
            _j = request.Jurors.Count;
            _k = request.JurorsPerProposal;
            ArgumentOutOfRangeException.ThrowIfNegative(_k);
            _random = new Random(request.Seed);
            _eligible = new bool[_p * _j];
            _assigned = new bool[_p * _j];
            _pinned = new bool[_p * _j];
            _jurorsOf = new List<int>[_p];
            _proposalsOf = new List<int>[_j];
            _load = new int[_j];
            _limit = new int[_j];
            _eligibleCount = new int[_p];
            _eligiblePerJuror = new int[_j];
            _parentJuror = new int[_j];
            _viaProposal = new int[_j];
            _queue = new int[_j];
            _visitMark = new int[_j];
            for (var i = 0; i < _p; i++) _jurorsOf[i] = new List<int>(_k);
            for (var j = 0; j < _j; j++)
            {
                _proposalsOf[j] = [];
                _limit[j] = request.Jurors[j].LoadLimit is { } l ? Math.Max(0, l) : int.MaxValue;
            }
        }

        public AssignmentResult Run()
        {
            var proposalIndex = Index(_request.Proposals.Select(p => p.ProposalId), "proposal");
            var jurorIndex = Index(_request.Jurors.Select(j => j.JurorId), "juror");
            var conflicted = BuildEligibility(proposalIndex, jurorIndex);
            ApplyPins(proposalIndex, jurorIndex, conflicted);
            Greedy();
            Complete();
            Balance();
            return Result();
        }

        private static Dictionary<int, int> Index(IEnumerable<int> ids, string what)
        {
            var index = new Dictionary<int, int>();
            foreach (var id in ids)
                if (!index.TryAdd(id, index.Count)) throw new ArgumentException($"Duplicate {what} id {id}.");
            return index;
        }

        private bool[] BuildEligibility(Dictionary<int, int> proposalIndex, Dictionary<int, int> jurorIndex)
        {
            var conflicted = new bool[_p * _j];
            var jurorPaths = _request.Jurors.Select(j => _request.UseOrganisationTree ? OrganisationConflicts.Parse(j.OrganisationPath) : []).ToArray();
            var jurorPanels = _request.Jurors.Select(j => j.Panels is null ? null : new HashSet<string>(j.Panels, StringComparer.Ordinal)).ToArray();
            for (var p = 0; p < _p; p++)
            {
                var proposal = _request.Proposals[p];
                var path = _request.UseOrganisationTree ? OrganisationConflicts.Parse(proposal.OrganisationPath) : [];
                for (var j = 0; j < _j; j++)
                {
                    if (OrganisationConflicts.Conflicts(jurorPaths[j], path)) conflicted[p * _j + j] = true;
                    _eligible[p * _j + j] = proposal.Panel is null || jurorPanels[j] is null || jurorPanels[j]!.Contains(proposal.Panel);
                }
            }
            foreach (var c in _request.DeclaredConflicts)
                if (proposalIndex.TryGetValue(c.ProposalId, out var p) && jurorIndex.TryGetValue(c.JurorId, out var j)) conflicted[p * _j + j] = true;
            foreach (var r in _request.Removed)
                if (proposalIndex.TryGetValue(r.ProposalId, out var p) && jurorIndex.TryGetValue(r.JurorId, out var j)) _eligible[p * _j + j] = false;
            for (var i = 0; i < _eligible.Length; i++) if (conflicted[i]) _eligible[i] = false;
            for (var p = 0; p < _p; p++)
                for (var j = 0; j < _j; j++)
                    if (_eligible[p * _j + j]) { _eligibleCount[p]++; _eligiblePerJuror[j]++; }
            return conflicted;
        }

        private void ApplyPins(Dictionary<int, int> proposalIndex, Dictionary<int, int> jurorIndex, bool[] conflicted)
        {
            var removed = _request.Removed.ToHashSet();
            foreach (var pin in _request.Pinned.Distinct().OrderBy(x => x.ProposalId).ThenBy(x => x.JurorId))
            {
                if (!proposalIndex.TryGetValue(pin.ProposalId, out var p) || !jurorIndex.TryGetValue(pin.JurorId, out var j))
                    _rejected.Add(new RejectedPin(pin, PinRejection.UnknownJurorOrProposal));
                else if (conflicted[p * _j + j])
                    _rejected.Add(new RejectedPin(pin, PinRejection.Conflict));
                else if (removed.Contains(pin))
                    _rejected.Add(new RejectedPin(pin, PinRejection.AlsoRemoved));
                else
                {
                    // A pin may go beyond panels and limits: Panitia decided it by hand. It still counts as eligible so
                    // the shortfall report does not call the proposal short of eligible jurors.
                    if (!_eligible[p * _j + j]) { _eligible[p * _j + j] = true; _eligibleCount[p]++; _eligiblePerJuror[j]++; }
                    _pinned[p * _j + j] = true;
                    Add(p, j);
                }
            }
        }

        private void Add(int p, int j)
        {
            _assigned[p * _j + j] = true;
            _jurorsOf[p].Add(j);
            _proposalsOf[j].Add(p);
            _load[j]++;
        }

        private void Remove(int p, int j)
        {
            _assigned[p * _j + j] = false;
            _jurorsOf[p].Remove(j);
            _proposalsOf[j].Remove(p);
            _load[j]--;
        }

        private bool CanGrow(int j) => _load[j] < _limit[j] && _load[j] < _eligiblePerJuror[j];

        private bool CanTake(int p, int j) => _eligible[p * _j + j] && !_assigned[p * _j + j];

        private void Greedy()
        {
            var tiebreak = new int[_p];
            for (var p = 0; p < _p; p++) tiebreak[p] = _random.Next();
            var order = Enumerable.Range(0, _p).OrderBy(p => _eligibleCount[p]).ThenBy(p => tiebreak[p]).ToArray();
            var candidates = new List<(int Load, int Random, int Juror)>(_j);
            foreach (var p in order)
            {
                var need = _k - _jurorsOf[p].Count;
                if (need <= 0) continue;
                candidates.Clear();
                for (var j = 0; j < _j; j++)
                    if (CanTake(p, j) && _load[j] < _limit[j]) candidates.Add((_load[j], _random.Next(), j));
                candidates.Sort();
                for (var i = 0; i < need && i < candidates.Count; i++) Add(p, candidates[i].Juror);
            }
        }

        /// <summary>Augmenting paths for proposals still short. Jurors from which no path reaches spare capacity stay dead.</summary>
        private void Complete()
        {
            var dead = new bool[_j];
            for (var p = 0; p < _p; p++)
            {
                while (_jurorsOf[p].Count < _k)
                {
                    var stamp = NewStamp();
                    var head = 0;
                    var tail = 0;
                    var found = -1;
                    for (var j = 0; j < _j && found < 0; j++)
                    {
                        if (dead[j] || !CanTake(p, j)) continue;
                        Visit(j, -1, p, stamp, ref tail);
                        if (_load[j] < _limit[j]) found = j;
                    }
                    while (found < 0 && head < tail)
                        found = Expand(_queue[head++], stamp, ref tail, dead, y => _load[y] < _limit[y]);
                    if (found < 0)
                    {
                        for (var i = 0; i < tail; i++) dead[_queue[i]] = true;
                        break;
                    }
                    ApplyPath(found);
                }
            }
        }

        private void Balance()
        {
            while (true)
            {
                // A juror already on every proposal they may score is full, like a juror at their limit.
                var minTarget = int.MaxValue;
                for (var j = 0; j < _j; j++) if (CanGrow(j)) minTarget = Math.Min(minTarget, _load[j]);
                if (minTarget == int.MaxValue) return;
                var levels = _load.Where(l => l >= minTarget + 2).Distinct().OrderDescending().ToArray();
                var moved = false;
                foreach (var level in levels)
                {
                    var stamp = NewStamp();
                    var head = 0;
                    var tail = 0;
                    for (var j = 0; j < _j; j++) if (_load[j] == level) Visit(j, -1, -1, stamp, ref tail);
                    var found = -1;
                    while (found < 0 && head < tail)
                        found = Expand(_queue[head++], stamp, ref tail, null, y => _load[y] <= level - 2 && CanGrow(y));
                    if (found < 0) continue;
                    ApplyPath(found);
                    moved = true;
                    break;
                }
                if (!moved) return;
            }
        }

        /// <summary>Visits every juror who could take one of <paramref name="u"/>'s unpinned proposals; returns the first target.</summary>
        private int Expand(int u, int stamp, ref int tail, bool[]? dead, Func<int, bool> isTarget)
        {
            foreach (var q in _proposalsOf[u])
            {
                if (_pinned[q * _j + u]) continue;
                var row = q * _j;
                for (var y = 0; y < _j; y++)
                {
                    if (_visitMark[y] == stamp || (dead is not null && dead[y]) || !_eligible[row + y] || _assigned[row + y]) continue;
                    Visit(y, u, q, stamp, ref tail);
                    if (isTarget(y)) return y;
                }
            }
            return -1;
        }

        private void Visit(int j, int parent, int via, int stamp, ref int tail)
        {
            _visitMark[j] = stamp;
            _parentJuror[j] = parent;
            _viaProposal[j] = via;
            _queue[tail++] = j;
        }

        private int NewStamp() => ++_visitStamp;

        /// <summary>Walks back from the target: each juror takes the proposal its parent hands over.</summary>
        private void ApplyPath(int target)
        {
            var y = target;
            while (true)
            {
                var q = _viaProposal[y];
                var x = _parentJuror[y];
                if (q < 0) return;
                if (x >= 0) Remove(q, x);
                Add(q, y);
                if (x < 0) return;
                y = x;
            }
        }

        private AssignmentResult Result()
        {
            var assignments = new List<JurorProposal>(_p * _k);
            var shortfalls = new List<AssignmentShortfall>();
            for (var p = 0; p < _p; p++)
            {
                var proposalId = _request.Proposals[p].ProposalId;
                foreach (var j in _jurorsOf[p].Select(j => _request.Jurors[j].JurorId).Order())
                    assignments.Add(new JurorProposal(j, proposalId));
                if (_jurorsOf[p].Count < _k)
                    shortfalls.Add(new AssignmentShortfall(proposalId, _jurorsOf[p].Count, _k, _eligibleCount[p],
                        _eligibleCount[p] < _k ? ShortfallReason.NotEnoughEligibleJurors : ShortfallReason.JurorsAtLoadLimit));
            }
            var loads = new Dictionary<int, int>(_j);
            var over = new List<int>();
            for (var j = 0; j < _j; j++)
            {
                loads[_request.Jurors[j].JurorId] = _load[j];
                if (_load[j] > _limit[j]) over.Add(_request.Jurors[j].JurorId);
            }
            return new AssignmentResult(assignments, shortfalls, _rejected, loads, over);
        }
    }
}
