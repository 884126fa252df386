using System.Globalization;
using Imaging.Plugins.Filters.Arguments;
using Imaging.Sdk.Capabilities;

namespace Imaging.Plugins.Filters.Crop;

/// <summary>
/// A half-open index range <c>start:stop</c> as in Python slicing: start included, stop excluded, either may be
/// omitted (0 and the size), negative values count from the end (<c>-10:</c> is the last ten). It must select at least
/// one index; stops past the end are clipped, as numpy does.
/// </summary>
/// <param name="Start">The first index kept.</param>
/// <param name="Count">How many are kept.</param>
internal readonly record struct IndexRange(int Start, int Count)
{
    /// <summary>The range argument <paramref name="name"/> over an axis of <paramref name="size"/>; all of it when absent.</summary>
    public static IndexRange Read(CapabilityArguments arguments, string name, int size)
    {
        var text = arguments.GetString(name);
        if (text is null) return new IndexRange(0, size);
        int colon = text.IndexOf(':');
        if (colon < 0 || text.IndexOf(':', colon + 1) >= 0)
            throw ArgumentReader.Invalid(name, $"must be a range start:stop (Python slicing, stop excluded), not '{text}'");
        int start = Bound(name, text, text[..colon], 0, size), stop = Bound(name, text, text[(colon + 1)..], size, size);
        if (stop <= start)
            throw ArgumentReader.Invalid(name, string.Create(CultureInfo.InvariantCulture, $"'{text}' selects nothing of an axis of {size}"));
        return new IndexRange(start, stop - start);
    }

    private static int Bound(string name, string text, string part, int missing, int size)
    {
        part = part.Trim();
        if (part.Length == 0) return missing;
        if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            throw ArgumentReader.Invalid(name, $"must be a range start:stop of whole numbers, not '{text}'");
        if (v < 0) v += size;
        return Math.Clamp(v, 0, size);
    }
}
