namespace Imaging.Cli.Collection;

/// <summary>A transfer syntax as a collection row shows it: UID and name (PS3.5 §10, PS3.6 Annex A).</summary>
internal sealed record TransferSyntaxRef(string Uid, string Name);
