namespace Imaging.Sdk.Capabilities;

/// <summary>Query/Retrieve Level (0008,0052), PS3.4 C.6.</summary>
public enum QueryLevel
{
    /// <summary>PATIENT.</summary>
    Patient,

    /// <summary>STUDY.</summary>
    Study,

    /// <summary>SERIES.</summary>
    Series,

    /// <summary>IMAGE (instance).</summary>
    Image,
}
