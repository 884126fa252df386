namespace Imaging.Dicom.Generator;

/// <summary>One SOP class of PS3.4 / PS3.6 Table A-1, as read from sops.json.</summary>
/// <param name="Uid">The UID value.</param>
/// <param name="Name">The UID name, e.g. "CT Image Storage".</param>
/// <param name="Keyword">The C# identifier made from the name.</param>
/// <param name="Iod">The name of the IOD the SOP class stores.</param>
internal sealed record SopClass(string Uid, string Name, string Keyword, string Iod);
