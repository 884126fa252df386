using Imaging.Dicom;
using Imaging.Plugins.Anonymizer.Settings;
using Imaging.Sdk;

namespace Imaging.Plugins.Anonymizer.Privacy;

/// <summary>
/// Burned-in identifying text (PS3.15 E.3.1 "Clean Pixel Data Option" is not implemented): a data set whose Burned In
/// Annotation (0028,0301) is YES, or whose Modality is one known to burn text into pixels (US, SC, XA by default; the
/// <c>burned-in-modalities</c> setting), is refused unless <c>allow-burned-in</c> is true — never silently passed through.
/// </summary>
internal static class BurnedInTextPolicy
{
    /// <summary>Throws when the data set may carry burned-in text and the user did not allow it.</summary>
    /// <exception cref="InvalidInputException">The reason, and how to override it.</exception>
    public static void Check(DicomDataset ds, AnonymizerSettings settings)
    {
        if (settings.AllowBurnedIn) return;
        if (ds.TryGetString(DicomTag.BurnedInAnnotation, out var burned) && string.Equals(burned.Trim(), "YES", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException("Burned In Annotation (0028,0301) is YES: the pixel data may show identifying text, which this anonymizer does not blank. Set allow-burned-in=true only if the pixels are known to be clean.");
        if (ds.TryGetString(DicomTag.Modality, out var modality) && settings.BurnedInModalities.Contains(modality.Trim()))
            throw new InvalidInputException($"Modality {modality.Trim()} often carries burned-in identifying text (burned-in-modalities: {string.Join(",", settings.BurnedInModalities.Order())}), which this anonymizer does not blank. Set allow-burned-in=true only if the pixels are known to be clean.");
    }
}
