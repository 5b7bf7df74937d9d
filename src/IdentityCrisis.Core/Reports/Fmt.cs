using System.Globalization;

namespace IdentityCrisis.Reports;

/// <summary>
/// Number formatting for reports: invariant culture always, so a report rendered under a
/// decimal-comma locale reads the same, and "n/a" for the NaN that SQLite NULLs load as.
/// </summary>
public static class Fmt
{
    public static string F(double v, int digits = 2) =>
        double.IsNaN(v) ? "n/a" : v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Scientific with a two-digit exponent (9.70E-06, not .NET's 9.70E-006).</summary>
    public static string E(double v, int digits = 2) =>
        double.IsNaN(v) ? "n/a" : v.ToString("0." + new string('0', digits) + "E+00", CultureInfo.InvariantCulture);

    public static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string G(double v) => double.IsNaN(v) ? "n/a" : v.ToString("G4", CultureInfo.InvariantCulture);

    public static string Seconds(double s) => s switch
    {
        double.NaN => "n/a",
        < 120 => F(s, 1) + " s",
        < 7200 => F(s / 60, 1) + " min",
        _ => F(s / 3600, 2) + " h",
    };

    /// <summary>"1, 3 and 5" style lists for sentences.</summary>
    public static string List(IEnumerable<string> items)
    {
        var l = items.ToList();
        return l.Count switch
        {
            0 => "none",
            1 => l[0],
            _ => string.Join(", ", l.Take(l.Count - 1)) + " and " + l[^1],
        };
    }
}
