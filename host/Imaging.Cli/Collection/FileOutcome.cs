namespace Imaging.Cli.Collection;

/// <summary>What reading one file's header gave: an instance, a DICOMDIR (skipped, PS3.10 §8), or a reason it is unreadable.</summary>
internal readonly record struct FileOutcome(InstanceSummary? Instance, UnreadableFile? Problem, bool IsDirectory)
{
    public static FileOutcome Read(InstanceSummary instance) => new(instance, null, false);

    public static FileOutcome Unreadable(UnreadableFile problem) => new(null, problem, false);

    public static FileOutcome Directory() => new(null, null, true);
}
