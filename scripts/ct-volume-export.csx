// A study's CT series as a volume (≈ MATLAB medicalVolume): geometry and HU range, 3-D Gaussian smoothing through the
// filters plugin, the result written as NIfTI (for ITK-SNAP, FSL, nibabel) and the middle slice rendered as a PNG with
// a soft-tissue window (PS3.3 C.11.2: centre 40 HU, width 400 HU).
//
//   imaging run scripts/ct-volume-export.csx -- STUDY_FOLDER OUT_FOLDER [SIGMA_MM]
//
// Defaults: the current folder, ./export, sigma 1.5 mm. Never overwrites: an existing output file stops the script.
using System.Globalization;

var study = PathOf(Args.Count > 0 ? Args[0] : ".");
var outFolder = PathOf(Args.Count > 1 ? Args[1] : "export");
var sigma = Args.Count > 2 ? Args[2] : "1.5";
var inv = CultureInfo.InvariantCulture;

var ct = Series(study).FirstOrDefault(s => s.Modality == "CT")
    ?? throw new InvalidOperationException($"{study}: no CT series found");
Volume volume = LoadVolume(ct);
var g = volume.Geometry;
double min = double.MaxValue, max = double.MinValue;
for (int k = 0; k < g.SizeK; k++)
    for (int j = 0; j < g.SizeJ; j++)
        for (int i = 0; i < g.SizeI; i++)
        {
            double v = volume.GetValue(i, j, k);
            if (v < min) min = v;
            if (v > max) max = v;
        }
Print(string.Create(inv, $"CT {g.SizeI}x{g.SizeJ}x{g.SizeK} {volume.SampleType}, spacing {g.Spacing.X:0.###} x {g.Spacing.Y:0.###} x {g.Spacing.Z:0.###} mm, HU {min:0} to {max:0}"));

Log($"smoothing with sigma {sigma} mm");
Volume smooth = await Filter(volume, "gaussian", $"sigma={sigma}", "output=float32");
var nifti = await SaveVolume(smooth, Path.Combine(outFolder, "ct-smoothed.nii.gz"));
Print($"wrote {nifti}");

var middle = ct.Instances[ct.Count / 2];
var png = SavePng(Render(middle, window: "40,400"), Path.Combine(outFolder, "ct-middle.png"));
Print($"wrote {png}");
