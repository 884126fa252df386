using Imaging.Cli;

namespace Imaging.Scripting.Tests.Running;

/// <summary>Runs `imaging` in-process through <see cref="Program.Run"/> and keeps what it wrote.</summary>
internal sealed record Cli(int ExitCode, string Stdout, string Stderr)
{
    public static Cli Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return new Cli(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
