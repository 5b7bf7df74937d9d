using IdentityCrisis.Results;
using IdentityCrisis.Sweeps;

namespace IdentityCrisis.Tests.Reports;

/// <summary>
/// One synthetic sweep of every figure kind in a parent folder, with a diverged trial, an
/// unconverged one, a random-init network and a recorded failure: what a report must show.
/// </summary>
public static class ReportFixture
{
    public static string WriteAll(string parent)
    {
        SyntheticSweep.Write(Path.Combine(parent, "fig3"), SyntheticSweep.Fig3("paper", 1, 3, 5, 12, 20), t => t.Config.Architecture.Depth switch
        {
            3 => FakeTrial.Identity with { Outcome = TrainingOutcome.MaxSteps },
            12 => FakeTrial.Other with { Outcome = TrainingOutcome.Diverged },
            20 => FakeTrial.Constant,
            _ => FakeTrial.Identity,
        }, extra: db => db.RecordFailure(new Trial("feedfacecafebeef", "depth=99", 99, new(), new Dictionary<string, string>()),
            "System.OutOfMemoryException: synthetic failure\n   at Somewhere()"));
        SyntheticSweep.Write(Path.Combine(parent, "fig2"), SyntheticSweep.Fig2("quick"), t => t.Label == "6-layer ReLU" ? FakeTrial.Constant : FakeTrial.Other);
        SyntheticSweep.Write(Path.Combine(parent, "fig4"), SyntheticSweep.Spec("fig4", "quick", SyntheticSweep.Cnn(), SweepFigure.Layers, new SweepAxis("network",
        [
            new AxisPoint("trained 4-layer", new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["architecture.depth"] = 4 }),
            new AxisPoint("random-init 4-layer", new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["architecture.depth"] = 4, ["training.maxSteps"] = 0 }),
        ])), t => t.Config.Training.MaxSteps == 0 ? FakeTrial.Other with { Outcome = TrainingOutcome.MaxSteps } : FakeTrial.Constant);
        SyntheticSweep.Write(Path.Combine(parent, "channels"), SyntheticSweep.Spec("channels", "quick", SyntheticSweep.Cnn("mnist", "fashion", "noise"), SweepFigure.Heatmap,
            SweepAxis.Values("depth", "architecture.depth", 1, 3, 6), SweepAxis.Values("channels", "architecture.channels", 2, 8),
            SweepAxis.Values("seed", "training.seed", 0, 1)), t => FakeTrial.Uniform(0.9 - 0.1 * t.Config.Architecture.Depth + 0.05 * t.Config.Training.Seed, 0.1));
        SyntheticSweep.Write(Path.Combine(parent, "fcn-many"), SyntheticSweep.Spec("fcn-many", "quick", SyntheticSweep.Fcn("mnist", "noise"), SweepFigure.ManyImages,
            SweepAxis.Values("images", "training.trainImages", 1, 10, 100), SweepAxis.Values("depth", "architecture.depth", 2, 6)),
            t => FakeTrial.Uniform(Math.Log10(t.Config.Training.TrainImages) / 3, 0.5));
        return parent;
    }
}
