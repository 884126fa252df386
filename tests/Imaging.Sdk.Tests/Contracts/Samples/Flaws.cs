namespace Imaging.Sdk.Tests.Contracts.Samples;

/// <summary>Ways the sample capabilities can break their contract, so that the verifier can be shown to catch each.</summary>
[Flags]
public enum Flaws
{
    None = 0,

    /// <summary>Never looks at its cancellation token.</summary>
    IgnoresCancellation = 1 << 0,

    /// <summary>Writes into its input (a data set, or the source's folder).</summary>
    MutatesInput = 1 << 1,

    /// <summary>Fails on bad input with a raw runtime exception (NullReference, IndexOutOfRange, IOException, KeyNotFound, SocketException).</summary>
    RawExceptionOnBadInput = 1 << 2,

    /// <summary>Never reports progress.</summary>
    NoProgress = 1 << 3,

    /// <summary>Reports Completed going down.</summary>
    ProgressGoesBackwards = 1 << 4,

    /// <summary>Returns its input (filter) or a shallow copy sharing sequences (anonymizer) instead of a new data set.</summary>
    ReturnsInput = 1 << 5,

    /// <summary>Reports a wrong count (sink) or yields one instance too few (source).</summary>
    WrongCount = 1 << 6,

    /// <summary>Writes files in place, so a cancellation mid-file leaves it half-written (sink).</summary>
    LeavesPartialFile = 1 << 7,

    /// <summary>Never completes (and ignores its token).</summary>
    Hangs = 1 << 8,

    /// <summary>Keeps Image Type ORIGINAL on a filtered image (filter).</summary>
    NotMarkedDerived = 1 << 9,

    /// <summary>Reports a name in upper case with a space.</summary>
    BadName = 1 << 10,
}
