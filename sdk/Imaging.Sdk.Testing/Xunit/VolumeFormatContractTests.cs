using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IVolumeFormat"/>: derive and implement <see cref="CapabilityContractTests{T}.CreateCapability"/>
/// (give the format a real <c>IFileOutput</c> if it writes through one).
/// </summary>
/// <typeparam name="TFormat">The volume format type.</typeparam>
public abstract class VolumeFormatContractTests<TFormat> : CapabilityContractTests<TFormat> where TFormat : class, IVolumeFormat
{
    /// <summary>Creates the test class.</summary>
    protected VolumeFormatContractTests() : base(CapabilityKind.VolumeFormat) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>: a cancelled write leaves no file.</summary>
    [Fact]
    public Task WriteAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.RoundTrip"/>: write → read keeps voxels and LPS geometry.</summary>
    [Fact]
    public Task WriteThenRead_SyntheticVolume_SameVoxelsAndGeometry() => CheckAsync(ContractCheckNames.RoundTrip);

    /// <summary><see cref="ContractCheckNames.NoOverwrite"/>.</summary>
    [Fact]
    public Task WriteAsync_ExistingFile_ThrowsIOExceptionAndKeepsFile() => CheckAsync(ContractCheckNames.NoOverwrite);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: a file not in the format.</summary>
    [Fact]
    public Task ReadAsync_CorruptFile_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);
}
