using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IAnonymizer"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and optionally override <see cref="CapabilityContractTests{T}.CreateOptions"/> (e.g. <see cref="ContractVerifierOptions.AnonymizationRequest"/>).
/// </summary>
/// <typeparam name="TAnonymizer">The anonymizer type.</typeparam>
public abstract class AnonymizerContractTests<TAnonymizer> : CapabilityContractTests<TAnonymizer> where TAnonymizer : class, IAnonymizer
{
    /// <summary>Creates the test class.</summary>
    protected AnonymizerContractTests() : base(CapabilityKind.Anonymizer) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task AnonymizeAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.Progress"/>: one unit per data set.</summary>
    [Fact]
    public Task AnonymizeAsync_ValidInput_ReportsProgress() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task AnonymizeAsync_ValidInput_LeavesInputUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: an unknown profile.</summary>
    [Fact]
    public Task AnonymizeAsync_UnknownProfile_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.Output"/>: a new data set and a report.</summary>
    [Fact]
    public Task AnonymizeAsync_ValidInput_ReturnsNewDatasetAndReport() => CheckAsync(ContractCheckNames.Output);
}
