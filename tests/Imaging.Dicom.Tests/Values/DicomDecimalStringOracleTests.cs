using System.Globalization;
using Imaging.Dicom.Tests.Oracles;

namespace Imaging.Dicom.Tests.Values;

/// <summary>
/// DS formatting (PS3.5 Table 6.2-1) checked against pydicom 2.3's <c>format_number_as_ds</c> and <c>is_valid_ds</c>
/// (Debian package python3-pydicom, run once through /usr/bin/python3 for the whole batch).
/// </summary>
public class DicomDecimalStringOracleTests
{
    // For each input line "<number>\t<our DS text>": pydicom's text, whether pydicom accepts ours, and repr(float(ours)).
    private const string Script = """
        import sys
        from pydicom.valuerep import format_number_as_ds, is_valid_ds
        for line in sys.stdin.read().splitlines():
            number, ours = line.split('\t')
            theirs = format_number_as_ds(float(number))
            print(f"{theirs}\t{is_valid_ds(ours)}\t{float(ours)!r}")
        """;

    [Fact]
    public void FormatDecimalString_AgainstPydicom_IsValidAndAtLeastAsClose()
    {
        var numbers = Numbers();
        var ours = numbers.Select(DicomValueText.FormatDecimalString).ToList();
        var input = string.Concat(numbers.Select((x, i) => x.ToString("R", CultureInfo.InvariantCulture) + "\t" + ours[i] + "\n"));
        var lines = PythonOracle.Run(Script, input).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(numbers.Count, lines.Length);

        int closer = 0;
        for (int i = 0; i < numbers.Count; i++)
        {
            double x = numbers[i];
            var fields = lines[i].Split('\t');
            string theirs = fields[0];
            string context = $"{x:R}: ours '{ours[i]}', pydicom '{theirs}'";
            Assert.True(ours[i].Length <= 16, context);
            Assert.True(fields[1] == "True", "pydicom's is_valid_ds rejects " + context);
            double ourValue = double.Parse(ours[i], CultureInfo.InvariantCulture);
            Assert.Equal(double.Parse(fields[2], CultureInfo.InvariantCulture), ourValue);
            double theirValue = double.Parse(theirs, CultureInfo.InvariantCulture);
            double ourError = Math.Abs(ourValue - x), theirError = Math.Abs(theirValue - x);
            Assert.True(ourError <= theirError, "pydicom is closer: " + context);
            if (ourError < theirError) closer++;
        }
        // pydicom truncates scientific notation to 10-11 digits and rounds some 16-char fixed forms; we keep more.
        Assert.True(closer > 0, "expected some numbers where our text is closer than pydicom's");
    }

    private static List<double> Numbers()
    {
        var numbers = new List<double>
        {
            0, 1, -1, 0.1, -0.1, 0.5, 1.0 / 3, 2.0 / 3, Math.PI, Math.E, 123, 100000, 1e-4, 1e-5, 0.00012345, 1e14, 1e15,
            1e16, 1e17, 123456789012345.6, -12345678901234.5, 9999999999999999, 0.30000000000000004, 1e300, -1e-300,
            double.MaxValue, double.MinValue, double.Epsilon, 2.2250738585072014e-308, 4.35, 2.675, 1.005, 0.9999999999999999,
        };
        for (int k = -30; k <= 30; k++)
        {
            numbers.Add(Math.PI * Math.Pow(10, k));
            numbers.Add(-Math.E * Math.Pow(10, k));
            numbers.Add(Math.Pow(10, k) / 7);
        }
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            double mantissa = random.NextDouble() * (random.Next(2) == 0 ? 1 : -1);
            numbers.Add(mantissa * Math.Pow(10, random.Next(-20, 21)));
        }
        for (int i = 0; i < 50; i++) numbers.Add(Math.Round(random.NextDouble() * 1e6, random.Next(0, 4)));
        return numbers;
    }
}
