namespace Imaging.Plugins.Filters.Pixels;

/// <summary>Computes one frame's stored values from another's (row-major, <see cref="MonochromeImage.Rows"/> × <see cref="MonochromeImage.Columns"/>).</summary>
/// <param name="source">The input frame's stored values.</param>
/// <param name="destination">Receives the output values, which must lie in the stored range.</param>
/// <param name="cancellationToken">Checked between rows.</param>
internal delegate void FrameTransform(int[] source, int[] destination, CancellationToken cancellationToken);
