namespace CyclingCoach.Training.Readers;

/// <summary>
/// A decoded definition message, reduced to what the decoder needs: the global message number, the byte order, the
/// total data-message size (developer fields included, so they are skipped safely) and the wanted fields only.
/// </summary>
internal sealed class FitMessageLayout(ushort globalNumber, bool bigEndian, int dataSize, FitFieldPlan[] fields, int timestampOffset)
{
    public ushort GlobalNumber { get; } = globalNumber;
    public bool BigEndian { get; } = bigEndian;
    public int DataSize { get; } = dataSize;
    public FitFieldPlan[] Fields { get; } = fields;

    /// <summary>Offset of a 4-byte field 253 (timestamp), or -1.</summary>
    public int TimestampOffset { get; } = timestampOffset;
}
