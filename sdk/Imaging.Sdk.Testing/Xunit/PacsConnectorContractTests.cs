using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Xunit;

namespace Imaging.Sdk.Testing.Xunit;

/// <summary>
/// Offline contract tests for an <see cref="IPacsConnector"/> (schemes, a cancelled echo, a refused connection); test
/// query, retrieve and store against a real peer in your own tests.
/// </summary>
/// <typeparam name="TConnector">The connector type.</typeparam>
public abstract class PacsConnectorContractTests<TConnector> : CapabilityContractTests<TConnector> where TConnector : class, IPacsConnector
{
    /// <summary>Creates the test class.</summary>
    protected PacsConnectorContractTests() : base(CapabilityKind.PacsConnector) { }

    /// <summary><see cref="ContractCheckNames.CancellationBeforeStart"/>.</summary>
    [Fact]
    public Task EchoAsync_PreCancelledToken_ThrowsOperationCanceled() => CheckAsync(ContractCheckNames.CancellationBeforeStart);

    /// <summary><see cref="ContractCheckNames.InvalidInput"/>: a peer that refuses the connection gives a <see cref="PacsException"/>.</summary>
    [Fact]
    public Task EchoAsync_RefusedConnection_ThrowsPacsException() => CheckAsync(ContractCheckNames.InvalidInput);
}
