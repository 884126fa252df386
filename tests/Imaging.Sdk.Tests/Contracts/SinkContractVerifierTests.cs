using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Tests.Contracts.Samples;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Tests.Contracts;

public sealed class SinkContractVerifierTests
{
    [Fact]
    public async Task VerifyAsync_WellBehavedSink_PassesEveryCheck()
    {
        var results = await VerifierAssert.FailsExactlyAsync(new FolderSink());

        Assert.Equal(ContractVerifier.GetCheckNames(CapabilityKind.Sink), results.Select(r => r.Check));
        Assert.All(results, r => Assert.Equal(ContractCheckOutcome.Passed, r.Outcome));
        Assert.Contains("4 instances written, 4 local location(s) exist", results.Result(Output).Message);
        Assert.Contains("nothing half-written", results.Result(CancellationDuringRun).Message);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart, CancellationDuringRun }, "kept going")]
    [InlineData(Flaws.MutatesInput, new[] { NoInputMutation }, "(0008,0080) was added")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "DirectoryNotFoundException")]
    [InlineData(Flaws.NoProgress, new[] { Progress }, "reported no progress")]
    [InlineData(Flaws.WrongCount, new[] { Output }, "SinkResult.Written is 5 for 4 instances given")]
    [InlineData(Flaws.LeavesPartialFile, new[] { CancellationDuringRun }, "half-written")]
    [InlineData(Flaws.BadName, new[] { Descriptor }, "'Folder Sink'")]
    public async Task VerifyAsync_FlawedSink_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new FolderSink(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Fact]
    public async Task VerifyAsync_SinkWithoutProgress_CancelsWhenSecondInstanceIsPulled()
    {
        var results = await ContractVerifier.VerifyAsync(new FolderSink(Flaws.NoProgress));

        Assert.Equal(ContractCheckOutcome.Passed, results.Result(CancellationDuringRun).Outcome);
        Assert.Contains("second instance", results.Result(CancellationDuringRun).Message);
    }
}
