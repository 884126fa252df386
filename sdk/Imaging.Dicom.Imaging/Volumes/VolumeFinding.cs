namespace Imaging.Dicom.Imaging.Volumes;

/// <summary>One thing found while sorting a series into volumes, with a one-line human-readable message.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Message">One line, e.g. "stack 0: 1 missing slice between z = 10 and z = 20 mm (gap 10 mm = 2 × 5 mm)".</param>
/// <param name="StackIndex">The stack (<see cref="VolumeSeries.Stacks"/>) it concerns, or null for the whole input.</param>
public sealed record VolumeFinding(VolumeFindingKind Kind, VolumeFindingSeverity Severity, string Message, int? StackIndex = null)
{
    /// <summary>"warning: message".</summary>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
