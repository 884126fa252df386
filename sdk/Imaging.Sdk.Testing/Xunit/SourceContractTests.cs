using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Contract tests for an <see cref="IDicomSource"/>: derive, implement <see cref="CapabilityContractTests{T}.CreateCapability"/>,
/// and override <see cref="CapabilityContractTests{T}.CreateOptions"/> to set
/// <see cref="ContractVerifierOptions.PrepareSourceLocation"/> when the source reads something other than a folder of files.
/// </summary>
/// <typeparam name="TSource">The source type.</typeparam>
public abstract class SourceContractTests<TSource> : CapabilityContractTests<TSource> where TSource : class, IDicomSource
{
    /// <summary>Creates the test class.</summary>
    protected SourceContractTests() : base(CapabilityKind.Source) { }

    /// <summary><see cref="ContractCheckNames.CanRead"/>.</summary>
    [Fact]
    public Task CanRead_OwnAndMissingLocation_AnswersWithoutThrowing() => CheckAsync(ContractCheckNames.CanRead);

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task ReadAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.CancellationDuringRun"/>.</summary>
    [Fact]
    public Task ReadAsync_CancelledAtFirstInstance_Stops() => CheckAsync(ContractCheckNames.CancellationDuringRun);

    /// <summary><see cref="ContractCheckNames.Progress"/>.</summary>
    [Fact]
    public Task ReadAsync_ValidLocation_ReportsProgressPerInstance() => CheckAsync(ContractCheckNames.Progress);

    /// <summary><see cref="ContractCheckNames.NoInputMutation"/>: the files at the location are unchanged.</summary>
    [Fact]
    public Task ReadAsync_ValidLocation_LeavesFilesUnchanged() => CheckAsync(ContractCheckNames.NoInputMutation);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: a location that does not exist.</summary>
    [Fact]
    public Task ReadAsync_MissingLocation_ThrowsContractException() => CheckAsync(ContractCheckNames.InvalidInput);

    /// <summary><see cref="ContractCheckNames.Output"/>: every instance, each with a data set and a SOP Instance UID.</summary>
    [Fact]
    public Task ReadAsync_ValidLocation_YieldsEveryInstance() => CheckAsync(ContractCheckNames.Output);
}
