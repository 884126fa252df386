using Imaging.Host;
using Imaging.Scripting.Repl;
using Imaging.Scripting.Tests.Running;
using Imaging.Sdk.Testing;

namespace Imaging.Scripting.Tests.Repl;

/// <summary>
/// What the REPL tests share: one plugin host over the shipped plugins laid out beside the tests (its audit log in a
/// temporary folder, never ~/.imaging), one script environment rooted at that folder, and a small synthetic study.
/// </summary>
public sealed class ReplFixture : IDisposable
{
    private readonly TempFolder _root = new();

    public ReplFixture()
    {
        var options = new HostOptions { AuditLogPath = _root.File("audit.log") };
        options.PluginFolders.Add(Path.Combine(AppContext.BaseDirectory, "plugins"));
        Host = PluginHost.Start(options);
        Environment = new ScriptEnvironment(Folder);
        Study = _root.File("study");
        SyntheticStudy.WriteTo(Study, new SyntheticStudyOptions { CtSlices = 6, MrSlices = 3, Size = 32 });
    }

    /// <summary>A temporary folder: the sessions' base directory, where tests write .csx files.</summary>
    public string Folder => _root.Path;

    /// <summary>The plugin host (shipped plugins: imaging.filters, imaging.folder).</summary>
    public PluginHost Host { get; }

    /// <summary>The compilation environment every session of the tests shares (so only the first test pays for loading references).</summary>
    public ScriptEnvironment Environment { get; }

    /// <summary>A synthetic study: CT (6 slices) and MR (3 slices), 32 x 32, patient PHANTOM^SYNTHETIC.</summary>
    public string Study { get; }

    /// <summary>Writes a file into <see cref="Folder"/> and returns its full path.</summary>
    public string Write(string relative, string text) => _root.Write(relative, text);

    /// <summary>A new session whose globals print to <paramref name="output"/> and log to <paramref name="error"/>.</summary>
    public ReplSession NewSession(TextWriter output, TextWriter error)
        => new(new ScriptGlobals(Host, [], Folder, output, error, CancellationToken.None), Environment);

    /// <summary>Runs the REPL over <paramref name="input"/> as piped lines and keeps what it printed.</summary>
    public async Task<ReplRun> RunAsync(string input, ReplOptions? options = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var runner = new ReplRunner(NewSession(output, error), new StringReader(input), output, error, options ?? new ReplOptions { HistoryPath = null });
        int code = await runner.RunAsync();
        return new ReplRun(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Host.Dispose();
        _root.Dispose();
    }
}

/// <summary>What a piped REPL run printed.</summary>
public sealed record ReplRun(int ExitCode, string Output, string Error)
{
    /// <summary>The output lines, without the empty last one.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
