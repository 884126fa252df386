using System.Diagnostics;
using System.Reflection;

namespace Imaging.Scripting.Running;

/// <summary>
/// Turns an exception thrown by a script into <c>file(line): ExceptionType: message</c>, naming the innermost line of
/// the script (or a <c>#load</c>'ed file) on the stack — read from the debug information compiled into the script.
/// </summary>
internal static class RuntimeErrorFormatter
{
    /// <summary>Unwraps reflection and single-task wrappers to the exception the script actually threw.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    /// <summary>Formats <paramref name="exception"/> against the script's source files; falls back to <paramref name="scriptPath"/> without a line.</summary>
    public static string Format(Exception exception, string scriptPath, IReadOnlyCollection<string> sourceFiles)
    {
        var (file, line) = ScriptLine(exception, sourceFiles);
        var where = file is null ? scriptPath : $"{file}({line})";
        return $"{where}: {exception.GetType().Name}: {exception.Message}";
    }

    /// <summary>The innermost stack frame that is in one of <paramref name="sourceFiles"/>, or (null, 0).</summary>
    public static (string? File, int Line) ScriptLine(Exception exception, IReadOnlyCollection<string> sourceFiles)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            int line = frame.GetFileLineNumber();
            if (file is not null && line > 0 && sourceFiles.Contains(file, StringComparer.Ordinal)) return (file, line);
        }
        return (null, 0);
    }
}
