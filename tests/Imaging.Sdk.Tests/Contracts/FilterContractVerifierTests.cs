using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Tests.Contracts.Samples;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Tests.Contracts;

public sealed class FilterContractVerifierTests
{
    [Fact]
    public async Task VerifyAsync_WellBehavedFilter_PassesEveryCheck()
    {
        var results = await VerifierAssert.FailsExactlyAsync(new InvertFilter());

        Assert.Equal(ContractVerifier.GetCheckNames(CapabilityKind.Filter), results.Select(r => r.Check));
        Assert.All(results, r => Assert.Equal(ContractCheckOutcome.Passed, r.Outcome));
        Assert.All(results, r => Assert.Equal("invert", r.CapabilityName));
        Assert.All(results, r => Assert.Equal(CapabilityKind.Filter, r.Kind));
        Assert.Contains("4 reports", results.Result(Progress).Message);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart, CancellationDuringRun }, "completed although its token was cancelled")]
    [InlineData(Flaws.MutatesInput, new[] { NoInputMutation }, "(0008,0008) was changed")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "NullReferenceException")]
    [InlineData(Flaws.NoProgress, new[] { Progress }, "reported no progress")]
    [InlineData(Flaws.ProgressGoesBackwards, new[] { Progress }, "went down from 4 to 3")]
    [InlineData(Flaws.ReturnsInput, new[] { NoInputMutation, Output }, "returned its input data set")]
    [InlineData(Flaws.NotMarkedDerived, new[] { Output }, "DERIVED")]
    [InlineData(Flaws.BadName, new[] { Descriptor }, "'Invert Pixels' contains white space")]
    public async Task VerifyAsync_FlawedFilter_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new InvertFilter(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Fact]
    public async Task VerifyAsync_FilterIgnoringCancellation_SaysItKeptGoing()
    {
        var results = await ContractVerifier.VerifyAsync(new InvertFilter(Flaws.IgnoresCancellation));

        Assert.Contains("kept going after its token was cancelled at the first progress report", results.Result(CancellationDuringRun).Message);
    }

    [Fact]
    public async Task VerifyAsync_FilterWithoutProgress_SkipsMidRunCancellation()
    {
        var results = await ContractVerifier.VerifyAsync(new InvertFilter(Flaws.NoProgress));

        Assert.Equal(ContractCheckOutcome.Skipped, results.Result(CancellationDuringRun).Outcome);
        Assert.Contains("no point to cancel at", results.Result(CancellationDuringRun).Message);
    }

    [Fact]
    public async Task VerifyAsync_SingleFrameInput_SkipsMidRunCancellation()
    {
        var single = Testing.SyntheticStudy.Series("CT", new Testing.SyntheticStudyOptions { CtSlices = 1, MrSlices = 0, Size = 16 })[0];

        var results = await ContractVerifier.VerifyAsync(new InvertFilter(), new ContractVerifierOptions { FilterInput = single });

        Assert.Equal(ContractCheckOutcome.Skipped, results.Result(CancellationDuringRun).Outcome);
        Assert.Contains("single unit", results.Result(CancellationDuringRun).Message);
        Assert.DoesNotContain(results, r => r.IsFailure);
    }

    [Fact]
    public async Task RunCheckAsync_HangingFilter_FailsAtTimeout()
    {
        var options = new ContractVerifierOptions { CheckTimeout = TimeSpan.FromMilliseconds(300) };

        var result = await ContractVerifier.RunCheckAsync(new InvertFilter(Flaws.Hangs), CapabilityKind.Filter, Output, options);

        Assert.Equal(ContractCheckOutcome.Failed, result.Outcome);
        Assert.Contains("did not finish within 0.3 s", result.Message);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task RunCheckAsync_HangingFilterWithCancelledToken_FailsAtDeadline()
    {
        var options = new ContractVerifierOptions { CancellationDeadline = TimeSpan.FromMilliseconds(200) };

        var result = await ContractVerifier.RunCheckAsync(new InvertFilter(Flaws.Hangs), CapabilityKind.Filter, CancellationBeforeStart, options);

        Assert.Equal(ContractCheckOutcome.Failed, result.Outcome);
        Assert.Contains("did not end within 0.2 s", result.Message);
    }

    [Fact]
    public async Task RunCheckAsync_FilterNeedingArguments_FailsSayingWhereToGiveThem()
    {
        var options = new ContractVerifierOptions { FilterInput = new Dicom.DicomDataset().AddOrUpdate(Dicom.DicomTag.Modality, "CT") };

        var result = await ContractVerifier.RunCheckAsync(new InvertFilter(), CapabilityKind.Filter, Progress, options);

        Assert.Equal(ContractCheckOutcome.Failed, result.Outcome);
        Assert.Contains("InvalidInputException", result.Message);
        Assert.Contains("ContractVerifierOptions", result.Message);
    }
}
