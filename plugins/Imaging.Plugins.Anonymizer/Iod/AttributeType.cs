namespace Imaging.Plugins.Anonymizer.Iod;

/// <summary>The Type of an attribute in an IOD (PS3.5 §7.4), as far as the embedded tables tell.</summary>
internal enum AttributeType
{
    /// <summary>The tables cannot tell (unknown SOP Class, nested attribute, or no attribute-per-module table).</summary>
    Unknown,

    /// <summary>None of the IOD's modules holds the attribute at its top level.</summary>
    NotInIod,

    /// <summary>Type 1 or 1C: must be present with a value.</summary>
    Type1,

    /// <summary>Type 2 or 2C: must be present, may be empty.</summary>
    Type2,

    /// <summary>Type 3: optional.</summary>
    Type3,
}
