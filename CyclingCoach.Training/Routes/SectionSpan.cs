namespace CyclingCoach.Training.Routes;

/// <summary>A section as sample indices: it covers samples Start … End (End is the next section's Start).</summary>
internal readonly record struct SectionSpan(int Start, int End, SectionKind Kind);
