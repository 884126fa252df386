using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Imaging.Plugins.Tests.Fixtures;

/// <summary>An <see cref="ILogger{T}"/> that keeps every formatted line, to check what a capability reported.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => Lines.Enqueue((logLevel, formatter(state, exception)));
}
