using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests.Contracts.Derived;

public sealed class TcpEchoConnectorContractTests : PacsConnectorContractTests<TcpEchoConnector>
{
    protected override TcpEchoConnector CreateCapability() => new();
}
