using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// The base of the xunit contract test classes: one test per check of <see cref="ContractVerifier"/>, each failing with
/// the check's message. Derive from the class for your capability kind (<see cref="FilterContractTests{TFilter}"/>,
/// <see cref="SourceContractTests{TSource}"/>, ...), not from this one.
/// </summary>
/// <typeparam name="T">The capability type under test.</typeparam>
/// <remarks>A skipped check passes (xunit 2 has no dynamic skip); its reason is in <see cref="ContractCheckResult.Message"/>.</remarks>
public abstract class CapabilityContractTests<T> where T : class, ICapability
{
    private readonly CapabilityKind _kind;

    private protected CapabilityContractTests(CapabilityKind kind) => _kind = kind;

    /// <summary>Creates the capability under test; called once per test (disposed afterwards when disposable).</summary>
    protected abstract T CreateCapability();

    /// <summary>The inputs and limits for the checks; override to give the inputs your capability needs.</summary>
    protected virtual ContractVerifierOptions CreateOptions() => new();

    /// <summary><see cref="ContractCheckNames.Descriptor"/>: name lower case without spaces, description present, the kind's own descriptors well formed.</summary>
    [Fact]
    public Task Descriptor_Read_IsWellFormed() => CheckAsync(ContractCheckNames.Descriptor);

    /// <summary>Runs one check on a new capability and fails the test with its message when it fails.</summary>
    /// <param name="check">One of <see cref="ContractCheckNames"/>.</param>
    /// <returns>The result (passed or skipped).</returns>
    protected async Task<ContractCheckResult> CheckAsync(string check)
    {
        var capability = CreateCapability();
        try
        {
            var result = await ContractVerifier.RunCheckAsync(capability, _kind, check, CreateOptions());
            if (result.IsFailure) Assert.Fail(result.ToString());
            return result;
        }
        finally
        {
            if (capability is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (capability is IDisposable disposable) disposable.Dispose();
        }
    }
}
