using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Tests.Contracts.Samples;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Tests.Contracts;

/// <summary>The anonymizer, codec, AI model and PACS connector contracts, each with a good sample and its flaws.</summary>
public sealed class OtherKindsContractVerifierTests
{
    public static TheoryData<ICapability> WellBehaved => [new BasicAnonymizer(), new CopyCodec(), new BoneVolumeModel(), new TcpEchoConnector()];

    [Theory]
    [MemberData(nameof(WellBehaved))]
    public async Task VerifyAsync_WellBehaved_PassesEveryCheck(ICapability capability)
    {
        var results = await VerifierAssert.FailsExactlyAsync(capability);

        Assert.All(results, r => Assert.Equal(ContractCheckOutcome.Passed, r.Outcome));
        Assert.Equal(ContractVerifier.GetCheckNames(Assert.Single(ContractVerifier.GetKinds(capability))), results.Select(r => r.Check));
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart }, "completed although")]
    [InlineData(Flaws.MutatesInput, new[] { NoInputMutation }, "(0012,0062) was added")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "KeyNotFoundException")]
    [InlineData(Flaws.NoProgress, new[] { Progress }, "reported no progress")]
    [InlineData(Flaws.ReturnsInput, new[] { Output }, "sharing the sequence")]
    public async Task VerifyAsync_FlawedAnonymizer_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new BasicAnonymizer(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart }, "completed although")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "IndexOutOfRangeException")]
    public async Task VerifyAsync_FlawedCodec_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new CopyCodec(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Fact]
    public async Task VerifyAsync_DecodeOnlyCodecWithoutSample_SkipsWhatNeedsAFrame()
    {
        var results = await VerifierAssert.FailsExactlyAsync(new CopyCodec(canEncode: false));

        Assert.Equal(ContractCheckOutcome.Skipped, results.Result(CancellationBeforeStart).Outcome);
        Assert.Equal(ContractCheckOutcome.Skipped, results.Result(NoInputMutation).Outcome);
        Assert.Contains("NotSupportedException", results.Result(RoundTrip).Message);
    }

    [Fact]
    public async Task VerifyAsync_DecodeOnlyCodecWithSample_RunsDecodeChecks()
    {
        var format = new FrameFormat(4, 4, 1, 16, 12, false, "MONOCHROME2");
        var sample = new CodecSample(new byte[32], format, Dicom.DicomTransferSyntax.EncapsulatedUncompressedExplicitVRLittleEndian);

        var results = await VerifierAssert.FailsExactlyAsync(new CopyCodec(canEncode: false));
        var withSample = await ContractVerifier.VerifyAsync(new CopyCodec(canEncode: false), new ContractVerifierOptions { CodecEncodedFrame = sample });

        VerifierAssert.FailsExactly(withSample);
        Assert.All(withSample, r => Assert.Equal(ContractCheckOutcome.Passed, r.Outcome));
        Assert.Contains("decodes to 32 bytes", withSample.Result(RoundTrip).Message);
        Assert.NotEqual(results.Result(CancellationBeforeStart).Outcome, withSample.Result(CancellationBeforeStart).Outcome);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart, CancellationDuringRun }, "kept going")]
    [InlineData(Flaws.MutatesInput, new[] { NoInputMutation }, "(0020,4000) was added")]
    [InlineData(Flaws.NoProgress, new[] { Progress }, "reported no progress")]
    public async Task VerifyAsync_FlawedModel_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new BoneVolumeModel(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart }, "PacsException")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "SocketException")]
    public async Task VerifyAsync_FlawedPacsConnector_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new TcpEchoConnector(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }
}
