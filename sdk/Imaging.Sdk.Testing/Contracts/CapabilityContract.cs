using Imaging.Dicom;
using Imaging.Sdk.Capabilities;

namespace Imaging.Sdk.Testing.Contracts;

/// <summary>The checks of one capability kind's contract, run against one capability instance.</summary>
internal abstract class CapabilityContract(ICapability capability)
{
    /// <summary>The capability under test.</summary>
    public ICapability Capability { get; } = capability;

    /// <summary>The kind whose contract this is.</summary>
    public abstract CapabilityKind Kind { get; }

    /// <summary>The checks, in the order they run.</summary>
    public abstract IReadOnlyList<string> CheckNames { get; }

    /// <summary>Runs one check; returns the pass message, or throws <see cref="ContractViolationException"/> / <see cref="CheckSkippedException"/>.</summary>
    public abstract Task<string> RunAsync(string check, CheckContext ctx);

    /// <summary>The <see cref="ContractCheckNames.Descriptor"/> check: the common name and description rules plus the kind's own (<paramref name="more"/>).</summary>
    protected string CheckDescriptor(Action<List<string>>? more = null)
    {
        var problems = new List<string>();
        var name = Probes.Read("Name", () => Capability.Name, problems);
        if (name is not null) Probes.CheckName("Name", name, problems);
        var description = Probes.Read("Description", () => Capability.Description, problems);
        if (description is not null && string.IsNullOrWhiteSpace(description)) problems.Add("Description is empty");
        more?.Invoke(problems);
        if (problems.Count > 0) throw Probes.Violation(string.Join("; ", problems));
        return $"name '{name}', description '{description}'";
    }

    /// <summary>Fails when <paramref name="result"/> shares a top-level sequence object with <paramref name="input"/> (a shallow copy: changing one changes the other).</summary>
    protected static void CheckNoSharedSequences(string operation, DicomDataset input, DicomDataset result)
    {
        foreach (var item in result)
        {
            if (item is DicomSequence s && input.TryGetItem(s.Tag, out var original) && ReferenceEquals(original, s))
                throw Probes.Violation($"{operation} returned a data set sharing the sequence {s.Tag} with its input (a shallow copy; use DicomDataset.Clone())");
        }
    }

    /// <summary>The error for a check name this contract does not have.</summary>
    protected ArgumentException UnknownCheck(string check)
        => new($"The {CapabilityKinds.GetName(Kind)} contract has no check '{check}'; it has: {string.Join(", ", CheckNames)}.", nameof(check));
}
