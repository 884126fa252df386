using System.Text;

namespace Imaging.Host.Tests.ExternalPlugins;

/// <summary>
/// The outcome of one external build done by <see cref="ExternalPluginsFixture"/> (packing the SDK, building the sample
/// plugin, instantiating and building the template): the commands it ran with their output, and the plugin folder it
/// produced. <see cref="Describe"/> is meant for assertion messages.
/// </summary>
public sealed class ExternalBuild
{
    private readonly List<CommandResult> _commands = [];

    /// <summary>Starts recording a build named <paramref name="name"/> of the project in <paramref name="projectDirectory"/>.</summary>
    public ExternalBuild(string name, string projectDirectory)
    {
        Name = name;
        ProjectDirectory = projectDirectory;
    }

    /// <summary>What was built ("SDK packages", "sample plugin", "template plugin").</summary>
    public string Name { get; }

    /// <summary>The folder the project was built in (outside the repository for plugins).</summary>
    public string ProjectDirectory { get; }

    /// <summary>The commands run, in order.</summary>
    public IReadOnlyList<CommandResult> Commands => _commands;

    /// <summary>Why the build failed (a failed command or a missing output), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Every command succeeded and the expected output exists.</summary>
    public bool Succeeded => Failure is null && _commands.Count > 0 && _commands.All(c => c.Succeeded);

    /// <summary>The built plugin folder (plugin.json, entry assembly, private dependencies); null until it exists.</summary>
    public string? OutputDirectory { get; private set; }

    /// <summary>The time all commands took together.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_commands.Sum(c => c.Elapsed.Ticks));

    /// <summary>Records a command; returns whether it succeeded (and records the failure when not).</summary>
    public bool Add(CommandResult result)
    {
        _commands.Add(result);
        if (!result.Succeeded) Failure ??= $"command failed: {result.Summary}";
        return result.Succeeded;
    }

    /// <summary>Records a failure that is not a command's exit code.</summary>
    public void Fail(string reason) => Failure ??= reason;

    /// <summary>Records the output folder, or a failure when it does not exist.</summary>
    public void SetOutput(string directory)
    {
        if (Directory.Exists(directory)) OutputDirectory = directory;
        else Fail($"the build reported success but its output folder {directory} does not exist");
    }

    /// <summary>The output folder; throws with <see cref="Describe"/> as the message when the build failed.</summary>
    /// <exception cref="InvalidOperationException">The build failed or produced no output folder.</exception>
    public string RequireOutputDirectory() =>
        Succeeded && OutputDirectory is not null ? OutputDirectory : throw new InvalidOperationException(Describe());

    /// <summary>
    /// A readable account: the outcome, each command with its exit code and time, and the output tail of the first
    /// failed command (or of the last one).
    /// </summary>
    public string Describe(int tailLines = 60)
    {
        var text = new StringBuilder();
        text.Append(Name).Append(": ").Append(Succeeded ? "succeeded" : "FAILED").Append(" in ")
            .Append(Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)).Append(" s");
        if (Failure is not null) text.Append(" — ").Append(Failure);
        text.Append('\n');
        foreach (var c in _commands) text.Append("  ").Append(c.Summary).Append('\n');
        var shown = _commands.FirstOrDefault(c => !c.Succeeded) ?? _commands.LastOrDefault();
        if (shown is not null && tailLines > 0) text.Append("--- output tail of: ").Append(shown.CommandLine).Append('\n').Append(shown.Tail(tailLines)).Append('\n');
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe(0);
}
