namespace Imaging.Sdk.Capabilities;

/// <summary>What every capability has: a name unique within its kind, by which registries and scripts find it.</summary>
public interface ICapability
{
    /// <summary>The name, lower case (<c>gaussian</c>, <c>folder</c>, <c>basic</c>); unique within its kind across plugins.</summary>
    string Name { get; }

    /// <summary>One line saying what it does, shown by <c>imaging plugins inspect</c>.</summary>
    string Description { get; }
}
