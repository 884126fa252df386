namespace Imaging.Sdk;

/// <summary>The capabilities a plugin can provide (DESIGN.md, capabilities table); one contract interface each.</summary>
public enum CapabilityKind
{
    /// <summary><c>source</c>: enumerates and opens instances from a location (<see cref="Capabilities.IDicomSource"/>).</summary>
    Source,

    /// <summary><c>sink</c>: writes instances somewhere (<see cref="Capabilities.IDicomSink"/>).</summary>
    Sink,

    /// <summary><c>anonymizer</c>: dataset → dataset under a named profile (<see cref="Capabilities.IAnonymizer"/>).</summary>
    Anonymizer,

    /// <summary><c>filter</c>: image → image (<see cref="Capabilities.IFilter"/>).</summary>
    Filter,

    /// <summary><c>pacs</c>: echo, query, retrieve, store (<see cref="Capabilities.IPacsConnector"/>).</summary>
    PacsConnector,

    /// <summary><c>codec</c>: decodes and encodes frames of transfer syntaxes (<see cref="Capabilities.ICodec"/>).</summary>
    Codec,

    /// <summary><c>ai-model</c>: images → segmentations and measurements (<see cref="Capabilities.IAiModel"/>).</summary>
    AiModel,

    /// <summary><c>volume-filter</c>: volume → volume (<see cref="Capabilities.IVolumeFilter"/>).</summary>
    VolumeFilter,

    /// <summary><c>volume-format</c>: reads and writes volumes as research formats such as NIfTI (<see cref="Capabilities.IVolumeFormat"/>).</summary>
    VolumeFormat,
}
