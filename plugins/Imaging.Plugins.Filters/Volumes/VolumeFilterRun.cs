using Imaging.Dicom.Imaging.Volumes;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Volumes;

/// <summary>What every volume filter does around its work: argument checks, cancellation, running off the caller's thread.</summary>
internal static class VolumeFilterRun
{
    /// <summary>
    /// Checks the input and the argument names, then runs <paramref name="work"/> on the thread pool (it parses the
    /// argument values itself, so that a bad value fails before any voxel is touched).
    /// </summary>
    public static Task<Volume> RunAsync(IVolumeFilter filter, Volume input, CapabilityArguments arguments, Func<Volume, CapabilityArguments, Volume> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        KnownArguments.CheckCall(filter.Name, arguments, filter.Arguments, cancellationToken);
        VoxelConversion.CheckSize(input, filter.Name);
        return Task.Run(() => work(input, arguments), cancellationToken);
    }
}
