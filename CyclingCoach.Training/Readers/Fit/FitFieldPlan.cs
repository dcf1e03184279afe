namespace CyclingCoach.Training.Readers;

/// <summary>Where one wanted field sits inside a data message of a given local definition.</summary>
internal readonly record struct FitFieldPlan(byte FieldNumber, byte BaseType, ushort Offset, byte Size);
