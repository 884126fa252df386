using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IDicomSink"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and override <see cref="CapabilityContractTests{T}.CreateOptions"/> to set <see cref="ContractVerifierOptions.SinkDestination"/>
/// when the sink writes somewhere other than a folder.
/// </summary>
/// <typeparam name="TSink">The sink type.</typeparam>
public abstract class SinkContractTests<TSink> : CapabilityContractTests<TSink> where TSink : class, IDicomSink
{
    /// <summary>Creates the test class.</summary>
    protected SinkContractTests() : base(CapabilityKind.Sink) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task WriteAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.CancellationDuringRun"/>: stops, and leaves nothing half-written.</summary>
    [Fact]
    public Task WriteAsync_CancelledAtFirstProgress_StopsCleanly() => CheckAsync(ContractCheckNames.CancellationDuringRun);

    /// <summary><see cref="ContractCheckNames.Progress"/>.</summary>
    [Fact]
    public Task WriteAsync_ValidInstances_ReportsProgressPerInstance() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task WriteAsync_ValidInstances_LeavesDatasetsUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: a destination that cannot be written.</summary>
    [Fact]
    public Task WriteAsync_UnwritableDestination_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.Output"/>: one existing location per instance, instances enumerated once.</summary>
    [Fact]
    public Task WriteAsync_ValidInstances_WritesEveryInstance() => CheckAsync(ContractCheckNames.Output);
}
