using System.Diagnostics;
using IdentityCrisis.Storage;
using Microsoft.Data.Sqlite;

namespace IdentityCrisis.Tests.Sweeps;

/// <summary>
/// Kills a real sweep process with SIGKILL at several moments, then resumes it: the
/// database must stay consistent and end with every trial exactly once.
/// </summary>
[Collection("torch")]
public class KillResumeTests
{
    const int Trials = 10;

    // One worker, and each kill lands a random fraction of one measured trial after a trial
    // was recorded, so a round records at most two or three trials whatever the machine's
    // speed: a fixed 0-400 ms delay let a fast 2-core CI runner finish all ten before the
    // third kill. 3000 steps (~0.5 s here) keep a trial well above the 10 ms polling.

    static readonly string Spec = """
        {
          "name": "kill-resume",
          "base": {
            "architecture": { "kind": "cnn", "depth": 2, "channels": 2, "kernel": 3 },
            "training": { "maxSteps": 3000, "tolerance": 0, "learningRate": 0.001, "logEvery": 10 },
            "probes": { "sets": ["patterns", "noise"], "perSet": 4 }
          },
          "axes": [ { "name": "seed", "path": "training.seed", "values": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] } ]
        }
        """;

    static Process Start(string specPath, string dir)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "icrisis.dll"), "sweep", "run", "--spec", specPath, "--out", dir, "--workers", "1", "--threads", "1" })
            psi.ArgumentList.Add(a);
        psi.Environment["ICRISIS_NO_REEXEC"] = "1";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    static (long Trials, long Distinct, string Check) Inspect(string db)
    {
        if (!File.Exists(db)) return (0, 0, "ok");
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var busy = c.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout=5000";
        busy.ExecuteNonQuery();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            try { return Convert.ToInt64(cmd.ExecuteScalar()); }
            catch (SqliteException e) when (e.Message.Contains("no such table")) { return 0; }
        }
        using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (Scalar("SELECT COUNT(*) FROM trials"), Scalar("SELECT COUNT(DISTINCT trial_id) FROM trials"), check.ExecuteScalar()!.ToString()!);
    }

    [Fact]
    public void KilledSweepResumesWithEveryTrialRecordedExactlyOnce()
    {
        var dir = Cli.CliRunner.TempDir("kill-resume");
        var specPath = Path.Combine(dir, "spec.json");
        File.WriteAllText(specPath, Spec);
        var sweepDir = Path.Combine(dir, "sweep");
        var db = Path.Combine(sweepDir, ResultsDb.FileName);
        var rng = new Random(5);
        long before = 0;

        TimeSpan? trialTime = null;

        // Waits until the database holds more than `count` trials; returns when that happened.
        TimeSpan WaitForMoreThan(Process p, long count, Stopwatch clock)
        {
            while (!p.HasExited && Inspect(db).Trials <= count && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(10);
            return clock.Elapsed;
        }

        // Three kills: each after the sweep has made progress, at a random moment within a trial.
        for (int round = 0; round < 3; round++)
        {
            using var p = Start(specPath, sweepDir);
            var clock = Stopwatch.StartNew();
            var first = WaitForMoreThan(p, before, clock);
            if (trialTime is null)
            {
                // The first round measures how long one trial takes, between two recorded trials.
                var second = WaitForMoreThan(p, before + 1, clock);
                trialTime = second - first;
            }
            Thread.Sleep(TimeSpan.FromTicks((long)(rng.NextDouble() * trialTime.Value.Ticks)));
            if (!p.HasExited) p.Kill(entireProcessTree: true);   // SIGKILL on Linux
            p.WaitForExit();
            var (n, distinct, check) = Inspect(db);
            Assert.Equal("ok", check);
            Assert.Equal(n, distinct);
            Assert.True(n > before, $"round {round}: no trial finished before the kill");
            before = n;
            if (n == Trials) break;
        }
        Assert.True(before < Trials, "the sweep finished before it could be killed; make the trials longer");

        using (var last = Start(specPath, sweepDir))
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(3)), "resumed sweep did not finish");
            Assert.Equal(0, last.ExitCode);
        }
        var final = Inspect(db);
        Assert.Equal(("ok", (long)Trials, (long)Trials), (final.Check, final.Trials, final.Distinct));
        using var results = ResultsDb.Open(db, create: false);
        Assert.Equal(Enumerable.Range(0, Trials), results.LoadTrials().Select(t => t.Config.Training.Seed).Order());
        Assert.Empty(results.LoadFailures());
    }
}
