using IdentityCrisis.Results;

namespace IdentityCrisis.Reports.Analysis;

/// <summary>
/// How a network maps the component of its input along x̂. For a probe x write
/// a_in = (x·x̂)/‖x̂‖² and a_out = (f(x)·x̂)/‖x̂‖². The single-layer theory says the component
/// along x̂ is mapped correctly (a_out = a_in plus a small random term), so the least-squares
/// slope of a_out on a_in over the figure probes should be 1. Computed from the stored figure
/// columns (column 0 is x̂ itself and is left out).
/// </summary>
public sealed record AlongTrainImage(double Slope, double Intercept, double RSquared, int Probes)
{
    public static AlongTrainImage? Of(FigureData figure)
    {
        if (figure.Inputs.Count < 3) return null;
        var xhat = figure.Inputs[0];
        double norm = Dot(xhat, xhat);
        if (!(norm > 0)) return null;
        var a = new List<double>(); var b = new List<double>();
        for (int c = 1; c < figure.Inputs.Count; c++)
        {
            double ai = Dot(figure.Inputs[c], xhat) / norm, ao = Dot(figure.Outputs[c], xhat) / norm;
            if (double.IsFinite(ai) && double.IsFinite(ao)) { a.Add(ai); b.Add(ao); }
        }
        if (a.Count < 2) return null;
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb);
        }
        if (!(saa > 0)) return null;
        double slope = sab / saa;
        return new AlongTrainImage(slope, mb - slope * ma, sbb > 0 ? sab * sab / (saa * sbb) : double.NaN, a.Count);
    }

    static double Dot(float[] x, float[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += (double)x[i] * y[i];
        return s;
    }
}
