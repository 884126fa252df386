using Imaging.Sdk;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Arguments;

/// <summary>Rejects argument names a filter does not understand, so that a typo (<c>sigam=2</c>) is an error, not a silent default.</summary>
internal static class KnownArguments
{
    /// <exception cref="InvalidInputException">An argument is not described by <paramref name="known"/>.</exception>
    public static void Check(string filter, CapabilityArguments arguments, IReadOnlyList<ArgumentDescriptor> known)
    {
        foreach (var name in arguments.Names)
        {
            bool found = false;
            foreach (var d in known) found |= string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase);
            if (!found)
            {
                var list = known.Count == 0 ? "it takes no arguments" : "known: " + string.Join(", ", known.Select(d => d.Name));
                throw new InvalidInputException($"The {filter} filter has no argument '{name}' ({list}).");
            }
        }
    }

    /// <summary>
    /// The checks every filter makes before any work, frame or volume: arguments given, not cancelled, every argument
    /// name known (<see cref="Check"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> is cancelled.</exception>
    /// <exception cref="InvalidInputException">An argument is not described by <paramref name="known"/>.</exception>
    public static void CheckCall(string filter, CapabilityArguments arguments, IReadOnlyList<ArgumentDescriptor> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        Check(filter, arguments, known);
    }
}
