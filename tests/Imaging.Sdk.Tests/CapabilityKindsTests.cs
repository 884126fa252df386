using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Tests.Contracts.Samples;

namespace Imaging.Sdk.Tests;

public sealed class CapabilityKindsTests
{
    public static TheoryData<CapabilityKind, string, Type> Table => new()
    {
        { CapabilityKind.Source, "source", typeof(IDicomSource) },
        { CapabilityKind.Sink, "sink", typeof(IDicomSink) },
        { CapabilityKind.Anonymizer, "anonymizer", typeof(IAnonymizer) },
        { CapabilityKind.Filter, "filter", typeof(IFilter) },
        { CapabilityKind.PacsConnector, "pacs", typeof(IPacsConnector) },
        { CapabilityKind.Codec, "codec", typeof(ICodec) },
        { CapabilityKind.AiModel, "ai-model", typeof(IAiModel) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Table_EveryKind_MapsNameAndContractBothWays(CapabilityKind kind, string name, Type contract)
    {
        Assert.Equal(name, CapabilityKinds.GetName(kind));
        Assert.Equal(contract, CapabilityKinds.GetContract(kind));
        Assert.True(CapabilityKinds.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(kind, parsed);
        Assert.True(CapabilityKinds.TryGetKind(contract, out var byContract));
        Assert.Equal(kind, byContract);
    }

    [Fact]
    public void All_Kinds_AreEveryEnumValueInOrder()
        => Assert.Equal(Enum.GetValues<CapabilityKind>(), CapabilityKinds.All);

    [Theory]
    [InlineData("teleport")]
    [InlineData("")]
    [InlineData("ai_model")]
    public void TryParse_UnknownName_ReturnsFalse(string name) => Assert.False(CapabilityKinds.TryParse(name, out _));

    [Theory]
    [InlineData(typeof(InvertFilter))]
    [InlineData(typeof(ICapability))]
    [InlineData(typeof(string))]
    public void TryGetKind_NotAContractInterface_ReturnsFalse(Type type)
    {
        Assert.False(CapabilityKinds.TryGetKind(type, out var kind));
        Assert.Null(kind);
    }

    [Fact]
    public void GetName_UndefinedKind_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => CapabilityKinds.GetName((CapabilityKind)99));
}
