namespace Imaging.Sdk.Capabilities;

/// <summary>Progress of a long operation, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Completed">Units done so far (instances, frames, slices); never decreases within one operation.</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Message">What is being done, when worth showing.</param>
public readonly record struct ProgressReport(long Completed, long? Total = null, string? Message = null)
{
    /// <summary>The fraction done in [0, 1], when <see cref="Total"/> is known and positive.</summary>
    public double? Fraction => Total is > 0 ? Math.Clamp((double)Completed / Total.Value, 0, 1) : null;
}
