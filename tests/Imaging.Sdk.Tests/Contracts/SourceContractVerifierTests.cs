using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing;
using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Tests.Contracts.Samples;
using static Imaging.Sdk.Testing.Contracts.ContractCheckNames;

namespace Imaging.Sdk.Tests.Contracts;

public sealed class SourceContractVerifierTests
{
    [Fact]
    public async Task VerifyAsync_WellBehavedSource_PassesEveryCheck()
    {
        var results = await VerifierAssert.FailsExactlyAsync(new FolderSource());

        Assert.Equal(ContractVerifier.GetCheckNames(CapabilityKind.Source), results.Select(r => r.Check));
        Assert.All(results, r => Assert.Equal(ContractCheckOutcome.Passed, r.Outcome));
        Assert.Contains("6 instances", results.Result(Output).Message);
    }

    [Theory]
    [InlineData(Flaws.IgnoresCancellation, new[] { CancellationBeforeStart, CancellationDuringRun }, "kept going")]
    [InlineData(Flaws.MutatesInput, new[] { NoInputMutation }, "created")]
    [InlineData(Flaws.RawExceptionOnBadInput, new[] { InvalidInput }, "DirectoryNotFoundException")]
    [InlineData(Flaws.NoProgress, new[] { Progress }, "reported no progress")]
    [InlineData(Flaws.WrongCount, new[] { Progress, Output }, "yielded 5 instances; the location holds 6")]
    [InlineData(Flaws.BadName, new[] { Descriptor }, "'Folder Source'")]
    public async Task VerifyAsync_FlawedSource_FailsTheRightCheck(Flaws flaws, string[] failedChecks, string message)
    {
        var results = await VerifierAssert.FailsExactlyAsync(new FolderSource(flaws), failedChecks);

        VerifierAssert.SomeFailureSays(results, message);
    }

    [Fact]
    public async Task VerifyAsync_SourceWithoutProgress_StillCancelsAtFirstInstance()
    {
        var results = await ContractVerifier.VerifyAsync(new FolderSource(Flaws.NoProgress));

        Assert.Equal(ContractCheckOutcome.Passed, results.Result(CancellationDuringRun).Outcome);
        Assert.Contains("at the first instance", results.Result(CancellationDuringRun).Message);
    }

    [Fact]
    public async Task VerifyAsync_CustomLocation_UsesIt()
    {
        var options = new ContractVerifierOptions
        {
            PrepareSourceLocation = folder =>
            {
                var nested = Path.Combine(folder, "nested");
                SyntheticStudy.WriteTo(nested, new SyntheticStudyOptions { CtSlices = 2, MrSlices = 0, Size = 8 });
                return nested;
            },
            ExpectedSourceCount = 2,
        };

        var results = await ContractVerifier.VerifyAsync(new FolderSource(), options);

        VerifierAssert.FailsExactly(results);
        Assert.Contains("2 instances", results.Result(Output).Message);
    }

    [Fact]
    public async Task VerifyAsync_TempDirectory_IsCleanedUp()
    {
        var root = Directory.CreateTempSubdirectory("imaging-kit-root-");
        try
        {
            await ContractVerifier.VerifyAsync(new FolderSource(), new ContractVerifierOptions { TempDirectory = root.FullName });

            Assert.Empty(root.EnumerateFileSystemInfos());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
