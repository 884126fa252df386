using Imaging.Dicom;
using Imaging.Dicom.Imaging.Volumes;

namespace Imaging.Plugins.Filters.Pixels;

/// <summary>
/// Where a frame's pixels are (PS3.3 §C.7.6.2.1.1 Image Plane Module): Pixel Spacing (row spacing \ column spacing,
/// mm), Image Orientation (Patient) (row direction, column direction) and Image Position (Patient) (centre of the
/// first pixel), any of them possibly absent. Pixel (column i, row j) is at Position + i·Δi·Row + j·Δj·Column.
/// </summary>
internal sealed class PlaneGeometry
{
    private PlaneGeometry(double[]? spacing, double[]? orientation, double[]? position)
    {
        Spacing = spacing;
        Orientation = orientation;
        Position = position;
    }

    /// <summary>Pixel Spacing (0028,0030): [row spacing Δj, column spacing Δi], or null.</summary>
    public double[]? Spacing { get; }

    /// <summary>Image Orientation (Patient) (0020,0037), six values, or null.</summary>
    public double[]? Orientation { get; }

    /// <summary>Image Position (Patient) (0020,0032), three values, or null.</summary>
    public double[]? Position { get; }

    /// <summary>Reads the plane attributes present (wrong counts or non-positive spacing count as absent).</summary>
    public static PlaneGeometry From(DicomDataset dataset)
    {
        double[]? Read(DicomTag tag, int count) => dataset.TryGetValues<double>(tag, out var v) && v.Length == count && v.All(double.IsFinite) ? v : null;
        var spacing = Read(DicomTag.PixelSpacing, 2);
        if (spacing is not null && !(spacing[0] > 0 && spacing[1] > 0)) spacing = null;
        return new PlaneGeometry(spacing, Read(DicomTag.ImageOrientationPatient, 6), Read(DicomTag.ImagePositionPatient, 3));
    }

    /// <summary>
    /// Records that the output's first pixel is input pixel (<paramref name="column"/>, <paramref name="row"/>):
    /// Image Position (Patient) moves by column·Δi·Row + row·Δj·Column. Without spacing or orientation the new position
    /// cannot be known, so a present Image Position (Patient) is removed rather than left wrong.
    /// </summary>
    public void MoveOrigin(DicomDataset output, int column, int row)
    {
        if (Position is null || (column == 0 && row == 0)) return;
        if (Spacing is null || Orientation is null)
        {
            output.Remove(DicomTag.ImagePositionPatient);
            return;
        }
        var p = new Vector3D(Position[0], Position[1], Position[2])
            + new Vector3D(Orientation[0], Orientation[1], Orientation[2]) * (column * Spacing[1])
            + new Vector3D(Orientation[3], Orientation[4], Orientation[5]) * (row * Spacing[0]);
        output.AddOrUpdate(DicomTag.ImagePositionPatient, p.X, p.Y, p.Z);
    }

    /// <summary>Sets Rows, Columns and (when given) Pixel Spacing of the output: [row spacing Δj, column spacing Δi].</summary>
    public static void Resize(DicomDataset output, int rows, int columns, double? columnSpacing = null, double? rowSpacing = null)
    {
        output.AddOrUpdate(DicomTag.Rows, (ushort)rows);
        output.AddOrUpdate(DicomTag.Columns, (ushort)columns);
        if (columnSpacing is { } di && rowSpacing is { } dj) output.AddOrUpdate(DicomTag.PixelSpacing, dj, di);
    }
}
