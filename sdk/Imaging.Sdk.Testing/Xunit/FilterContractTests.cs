using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IFilter"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and optionally override <see cref="CapabilityContractTests{T}.CreateOptions"/> (e.g. to give
/// <see cref="ContractVerifierOptions.FilterArguments"/>).
/// </summary>
/// <example><code>public sealed class GaussianContractTests : FilterContractTests&lt;GaussianFilter&gt; { protected override GaussianFilter CreateCapability() => new(); }</code></example>
/// <typeparam name="TFilter">The filter type.</typeparam>
public abstract class FilterContractTests<TFilter> : CapabilityContractTests<TFilter> where TFilter : class, IFilter
{
    /// <summary>Creates the test class.</summary>
    protected FilterContractTests() : base(CapabilityKind.Filter) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task ApplyAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.CancellationDuringRun"/>.</summary>
    [Fact]
    public Task ApplyAsync_CancelledAtFirstProgress_Stops() => CheckAsync(ContractCheckNames.CancellationDuringRun);

    /// <summary><see cref="ContractCheckNames.Progress"/>.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_ReportsProgressPerFrame() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_LeavesInputUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: a data set without Pixel Data.</summary>
    [Fact]
    public Task ApplyAsync_NoPixelData_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.Output"/>: a new, DERIVED data set with Pixel Data.</summary>
    [Fact]
    public Task ApplyAsync_ValidInput_ReturnsNewDerivedDataset() => CheckAsync(ContractCheckNames.Output);
}
