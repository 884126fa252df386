using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IAiModel"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and optionally override <see cref="CapabilityContractTests{T}.CreateOptions"/> (<see cref="ContractVerifierOptions.ModelSeries"/>,
/// <see cref="ContractVerifierOptions.ModelArguments"/>).
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
public abstract class AiModelContractTests<TModel> : CapabilityContractTests<TModel> where TModel : class, IAiModel
{
    /// <summary>Creates the test class.</summary>
    protected AiModelContractTests() : base(CapabilityKind.AiModel) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task RunAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.CancellationDuringRun"/>.</summary>
    [Fact]
    public Task RunAsync_CancelledAtFirstProgress_Stops() => CheckAsync(ContractCheckNames.CancellationDuringRun);

    /// <summary><see cref="ContractCheckNames.Progress"/>.</summary>
    [Fact]
    public Task RunAsync_ValidSeries_ReportsProgress() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task RunAsync_ValidSeries_LeavesSeriesUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: an empty series.</summary>
    [Fact]
    public Task RunAsync_EmptySeries_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.Output"/>: new derived instances and finite measurements.</summary>
    [Fact]
    public Task RunAsync_ValidSeries_ReturnsDerivedInstancesAndMeasurements() => CheckAsync(ContractCheckNames.Output);
}
