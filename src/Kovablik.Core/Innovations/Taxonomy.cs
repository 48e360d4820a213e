namespace Kovablik.Innovations;

public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Innovation> Innovations { get; set; } = [];
}

/// <summary>One of the 17 UN Sustainable Development Goals; Id is the goal number.</summary>
public sealed class SdgGoal
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Innovation> Innovations { get; set; } = [];
}

public sealed class TargetGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Kelompok rentan (vulnerable group): women, children, elderly, people with disabilities, the poor...</summary>
    public bool IsVulnerable { get; set; }
    public List<Innovation> Innovations { get; set; } = [];
}
