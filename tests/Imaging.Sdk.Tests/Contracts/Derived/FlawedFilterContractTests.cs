using Imaging.Sdk.Testing.Contracts;
using Imaging.Sdk.Testing.Xunit;
using Imaging.Sdk.Tests.Contracts.Samples;
using Xunit.Sdk;

namespace Imaging.Sdk.Tests.Contracts.Derived;

/// <summary>The base class's test methods fail (with the check's message) on a flawed filter.</summary>
public sealed class FlawedFilterContractTests
{
    [Fact]
    public async Task InheritedFact_MutatingFilter_FailsWithCheckMessage()
    {
        var tests = new Mutating();

        var e = await Assert.ThrowsAsync<FailException>(tests.ApplyAsync_ValidInput_LeavesInputUnchanged);

        Assert.Contains("filter:invert no-input-mutation: failed: ApplyAsync modified its input", e.Message);
    }

    [Fact]
    public async Task CheckAsync_PassingCheck_ReturnsPassedResult()
    {
        var tests = new Mutating();

        await tests.Descriptor_Read_IsWellFormed();
        var result = await tests.RunAsync(ContractCheckNames.Output);

        Assert.Equal(ContractCheckOutcome.Passed, result.Outcome);
    }

    /// <summary>Not a test class (abstract base's facts would run): instantiated by hand above.</summary>
    private sealed class Mutating : FilterContractTests<InvertFilter>
    {
        protected override InvertFilter CreateCapability() => new(Flaws.MutatesInput);

        public Task<ContractCheckResult> RunAsync(string check) => CheckAsync(check);
    }
}
