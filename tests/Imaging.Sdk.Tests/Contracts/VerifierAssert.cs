using Imaging.Sdk.Capabilities;
using Imaging.Sdk.Testing.Contracts;

namespace Imaging.Sdk.Tests.Contracts;

/// <summary>Runs the verifier and states what it found, with every result in the failure message.</summary>
internal static class VerifierAssert
{
    /// <summary>Verifies <paramref name="capability"/> and asserts that exactly <paramref name="failedChecks"/> fail (and nothing else).</summary>
    public static async Task<IReadOnlyList<ContractCheckResult>> FailsExactlyAsync(ICapability capability, params string[] failedChecks)
        => FailsExactly(await ContractVerifier.VerifyAsync(capability), failedChecks);

    /// <summary>Asserts that exactly <paramref name="failedChecks"/> of <paramref name="results"/> failed.</summary>
    public static IReadOnlyList<ContractCheckResult> FailsExactly(IReadOnlyList<ContractCheckResult> results, params string[] failedChecks)
    {
        var failed = results.Where(r => r.IsFailure).Select(r => r.Check).Order(StringComparer.Ordinal).ToArray();
        Assert.True(failed.SequenceEqual(failedChecks.Order(StringComparer.Ordinal)),
            $"expected failures [{string.Join(", ", failedChecks)}], got:\n{string.Join("\n", results)}");
        return results;
    }

    /// <summary>Asserts that a failed result's message contains <paramref name="text"/>.</summary>
    public static void SomeFailureSays(IReadOnlyList<ContractCheckResult> results, string text)
        => Assert.True(results.Any(r => r.IsFailure && r.Message.Contains(text, StringComparison.Ordinal)),
            $"no failure says '{text}':\n{string.Join("\n", results)}");

    /// <summary>The result of <paramref name="check"/>.</summary>
    public static ContractCheckResult Result(this IReadOnlyList<ContractCheckResult> results, string check)
        => Assert.Single(results, r => r.Check == check);
}
