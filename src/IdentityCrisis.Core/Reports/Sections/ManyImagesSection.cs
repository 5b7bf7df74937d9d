using IdentityCrisis.Figures;
using IdentityCrisis.Reports.Analysis;
using IdentityCrisis.Storage;

namespace IdentityCrisis.Reports.Sections;

/// <summary>FCNs trained on more and more images: does the identity appear as the training set grows?</summary>
public static class ManyImagesSection
{
    public static void Build(SectionContext ctx, SweepResults sweep)
    {
        if (sweep.Trials.Count == 0) return;
        var imagesAxis = sweep.Spec.Axes.FirstOrDefault(a => a.Points.All(p => p.Set.ContainsKey("training.trainImages")))?.Name;
        string Network(TrialRow t) => string.Join(" ", t.Axes.Where(a => a.Key != imagesAxis).Select(a => a.Value)) is { Length: > 0 } n ? n : t.Config.Architecture.Describe();
        var networks = sweep.Trials.Select(Network).Distinct().ToList();
        foreach (var set in sweep.ProbeSets)
        {
            var plot = new LinePlot
            {
                Title = $"{sweep.Name}: {set}",
                XLabel = "training images",
                YLabel = "skill",
                LogX = true,
                YMin = -0.2, YMax = 1.05,
            };
            plot.ReferenceLines.Add((sweep.Trials[0].Config.Probes.VerdictThreshold, "verdict threshold"));
            for (int i = 0; i < networks.Count; i++)
            {
                var trials = sweep.Trials.Where(t => Network(t) == networks[i]).OrderBy(t => t.Config.Training.TrainImages).ToList();
                var xs = trials.Select(t => (double)t.Config.Training.TrainImages).ToList();
                plot.Series.Add(new PlotSeries($"{networks[i]} identity", xs, trials.Select(t => Score(t, set, s => s.IdentitySkill)).ToList(), ColorIndex: i));
                plot.Series.Add(new PlotSeries($"{networks[i]} constant", xs, trials.Select(t => Score(t, set, s => s.ConstantSkill)).ToList(), Dashed: true, ColorIndex: i));
                foreach (var t in trials)
                {
                    if (t.Diverged()) plot.Marks.Add(new MarkedPoint(t.Config.Training.TrainImages, -0.2, PointMark.Diverged));
                    else if (t.NotConverged() && double.IsFinite(Score(t, set, s => s.IdentitySkill)))
                        plot.Marks.Add(new MarkedPoint(t.Config.Training.TrainImages, Score(t, set, s => s.IdentitySkill), PointMark.NotConverged));
                }
            }
            ctx.Figure($"{sweep.Name}-{set}-skill-vs-images", plot.RenderPng(),
                $"{sweep.Name}, probe set {set}: identity skill (solid) and constant skill (dashed) against the number of MNIST training images (log scale), " +
                "one colour per network. Dashed grey: the verdict threshold. Rings: trials that did not reach the stopping loss; crosses at the bottom: diverged trials.");
        }
        TrialTables.PerSet(ctx, sweep, collapsed: true);
    }

    static double Score(TrialRow t, string set, Func<SetScoreRow, double> score) =>
        t.Diverged() || t.Set(set) is not { } s ? double.NaN : score(s);
}
