using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IVolumeFilter"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and optionally override <see cref="CapabilityContractTests{T}.CreateOptions"/> (e.g. to give
/// <see cref="ContractVerifierOptions.VolumeFilterArguments"/> or <see cref="ContractVerifierOptions.VolumeInput"/>).
/// </summary>
/// <typeparam name="TFilter">The volume filter type.</typeparam>
public abstract class VolumeFilterContractTests<TFilter> : CapabilityContractTests<TFilter> where TFilter : class, IVolumeFilter
{
    /// <summary>Creates the test class.</summary>
    protected VolumeFilterContractTests() : base(CapabilityKind.VolumeFilter) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task ApplyAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.CancellationDuringRun"/>.</summary>
    [Fact]
    public Task ApplyAsync_CancelledAtFirstProgress_Stops() => CheckAsync(ContractCheckNames.CancellationDuringRun);

    /// <summary><see cref="ContractCheckNames.Progress"/>.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_ReportsProgress() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_LeavesInputUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.Output"/>: a new volume whose voxels fit its geometry.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_ReturnsNewVolume() => CheckAsync(ContractCheckNames.Output);
}
