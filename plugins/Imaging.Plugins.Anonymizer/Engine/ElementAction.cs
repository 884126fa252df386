namespace Imaging.Plugins.Anonymizer.Engine;

/// <summary>A concrete action of PS3.15 Table E.1-1 (E.3.1 legend), after options and IOD Type were taken into account.</summary>
internal enum ElementAction
{
    /// <summary>X: remove.</summary>
    Remove,

    /// <summary>Z: zero length (a sequence: no items).</summary>
    Zero,

    /// <summary>D: a non-zero length dummy value of the VR (a sequence: its items with every value dummied).</summary>
    Dummy,

    /// <summary>K: keep (a sequence: kept, its items de-identified recursively).</summary>
    Keep,

    /// <summary>C: clean (see <see cref="TextCleaner"/> and the engine for what that means per VR).</summary>
    Clean,

    /// <summary>U: replace UIDs consistently.</summary>
    ReplaceUid,

    /// <summary>U* of X/Z/U*: keep the sequence, its contained UIDs replaced (its items de-identified recursively).</summary>
    KeepReplacingUids,
}
