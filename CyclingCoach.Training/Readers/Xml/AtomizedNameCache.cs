namespace CyclingCoach.Training.Readers;

/// <summary>
/// Maps element names to kinds by reference: the XML reader atomizes names in its NameTable, so a repeated name is
/// the same string instance and a short reference scan beats hashing. Bounded against hostile name floods
/// (beyond the capacity names are classified on every use, still correct).
/// </summary>
internal sealed class AtomizedNameCache<TKind>(Func<string, TKind> classify)
{
    private const int Capacity = 64;
    private readonly string?[] _names = new string?[Capacity];
    private readonly TKind[] _kinds = new TKind[Capacity];
    private int _count;

    public TKind Get(string name)
    {
        var names = _names;
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return _kinds[i];
            }
        }
        var kind = classify(name);
        if (_count < Capacity)
        {
            names[_count] = name;
            _kinds[_count] = kind;
            _count++;
        }
        return kind;
    }
}
