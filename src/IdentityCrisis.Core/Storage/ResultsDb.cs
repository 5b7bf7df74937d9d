using System.Globalization;
using System.Text.Json;
using IdentityCrisis.Config;
using IdentityCrisis.Metrics;
using IdentityCrisis.Results;
using IdentityCrisis.Sweeps;
using Microsoft.Data.Sqlite;

namespace IdentityCrisis.Storage;

/// <summary>A trial as stored: its config, training summary and per-set scores (NaN where SQLite holds NULL).</summary>
public sealed record TrialRow(
    string TrialId, int Index, string Label, IReadOnlyDictionary<string, string> Axes, RunConfig Config,
    string Outcome, int Steps, double InitialLoss, double FinalLoss, double MinLoss, int? DivergedAtStep,
    double Seconds, long PeakRssBytes, EnvironmentInfo Environment, IReadOnlyDictionary<string, SetScoreRow> Sets)
{
    public SetScoreRow? Set(string name) => Sets.GetValueOrDefault(name);
}

public sealed record SetScoreRow(
    string Set, int Probes, int Informative,
    double MeanCorrIdentity, double MeanCorrConstant, double MeanMseIdentity, double MeanMseConstant,
    double MeanBaseline, double IdentitySkill, double ConstantSkill, string Verdict);

/// <summary>
/// The sweep's SQLite database. Each trial is written in one transaction (all its rows or
/// none), in WAL mode, so a process killed at any moment leaves a consistent file that
/// holds every trial finished before the kill exactly once.
/// </summary>
public sealed class ResultsDb : IDisposable
{
    public const string FileName = "results.sqlite";
    private readonly SqliteConnection connection;
    private readonly object writeGate = new();

    public string Path { get; }

    private ResultsDb(string path, SqliteConnection c) { Path = path; connection = c; }

    /// <param name="create">true: open read-write, creating the file and schema (sweeps);
    /// false: open an existing database read-only (reports, exports), writing nothing.</param>
    public static ResultsDb Open(string path, bool create = true)
    {
        if (!create && !File.Exists(path))
            throw new FileNotFoundException($"no results database at {path}; run a sweep first (icrisis sweep --help)", path);
        var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        c.Open();
        var db = new ResultsDb(path, c);
        db.Exec("PRAGMA busy_timeout=10000;");
        var check = db.Scalar("PRAGMA quick_check;")?.ToString();
        if (check != "ok")
            throw new InvalidDataException($"{path} is corrupt (SQLite quick_check: {check}); move it away and re-run the sweep");
        if (create)
        {
            db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            db.Exec(ResultsSchema.Ddl);
            if (db.GetMeta("schema_version") is null)
                db.SetMeta("schema_version", ResultsSchema.Version.ToString(CultureInfo.InvariantCulture));
        }
        var version = db.GetMeta("schema_version");
        if (version != ResultsSchema.Version.ToString(CultureInfo.InvariantCulture))
            throw new InvalidDataException($"{path} has schema version {version ?? "none"}; this icrisis reads version {ResultsSchema.Version}");
        return db;
    }

    public void Dispose()
    {
        // Fold the write-ahead log back into the main file, so a finished sweep is one
        // self-contained file that can be copied or opened read-only.
        if (connection.State == System.Data.ConnectionState.Open && !IsReadOnly)
        {
            try { Exec("PRAGMA wal_checkpoint(TRUNCATE);"); }
            catch (SqliteException) { /* another process holds the database: it checkpoints on its own close */ }
        }
        connection.Dispose();
    }

    bool IsReadOnly => connection.ConnectionString.Contains("ReadOnly", StringComparison.OrdinalIgnoreCase);

    public string? GetMeta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k", ("$k", key));
        return cmd.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value)
    {
        lock (writeGate)
        {
            using var cmd = Command("INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", value));
            cmd.ExecuteNonQuery();
        }
    }

    public HashSet<string> FinishedTrialIds()
    {
        var ids = new HashSet<string>();
        using var cmd = Command("SELECT trial_id FROM trials");
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Records a finished trial atomically; a trial already present is left as it is (returns false).</summary>
    public bool RecordTrial(Trial trial, TrialOutput output)
    {
        var rec = output.Record;
        var a = rec.Config.Architecture;
        var t = rec.Config.Training;
        var curve = rec.Training.LossCurve;
        lock (writeGate)
        {
            using var tx = connection.BeginTransaction();
            using (var exists = Command("SELECT 1 FROM trials WHERE trial_id = $id", ("$id", trial.Id)))
            {
                exists.Transaction = tx;
                if (exists.ExecuteScalar() is not null) { tx.Rollback(); return false; }
            }
            Insert(tx, """
                INSERT INTO trials VALUES($id, $index, $label, $axes, $config, $kind, $depth, $width, $channels, $kernel, $activation,
                    $padding, $init, $optimizer, $lr, $seed, $train_index, $train_images, $outcome, $steps, $initial_loss, $final_loss,
                    $min_loss, $diverged, $seconds, $rss, $env, $finished)
                """,
                ("$id", trial.Id), ("$index", trial.Index), ("$label", trial.Label),
                ("$axes", JsonSerializer.Serialize(trial.AxisValues)), ("$config", ConfigJson.Serialize(rec.Config)),
                ("$kind", a.Kind), ("$depth", a.Depth), ("$width", a.Width), ("$channels", a.Channels), ("$kernel", a.Kernel),
                ("$activation", a.Activation), ("$padding", a.Padding), ("$init", a.InitLabel), ("$optimizer", t.Optimizer),
                ("$lr", t.LearningRate), ("$seed", t.Seed), ("$train_index", t.TrainIndex), ("$train_images", t.TrainImages),
                ("$outcome", rec.Training.Outcome.ToString().ToLowerInvariant()), ("$steps", rec.Training.Steps),
                ("$initial_loss", curve.Count > 0 ? curve[0].Loss : double.NaN), ("$final_loss", rec.Training.FinalLoss),
                ("$min_loss", curve.Count > 0 ? curve.Min(p => p.Loss) : double.NaN),
                ("$diverged", rec.Training.DivergedAtStep), ("$seconds", rec.Training.Seconds), ("$rss", rec.PeakRssBytes),
                ("$env", ResultJson.Serialize(rec.Environment)), ("$finished", DateTime.UtcNow.ToString("O")));
            foreach (var s in rec.Sets)
                Insert(tx, "INSERT INTO set_scores VALUES($id, $set, $n, $inf, $ci, $cc, $mi, $mc, $b, $is, $cs, $v)",
                    ("$id", trial.Id), ("$set", s.Set), ("$n", s.Count), ("$inf", s.InformativeCount),
                    ("$ci", s.MeanCorrIdentity), ("$cc", s.MeanCorrConstant), ("$mi", s.MeanMseIdentity), ("$mc", s.MeanMseConstant),
                    ("$b", s.MeanBaseline), ("$is", s.IdentitySkill), ("$cs", s.ConstantSkill), ("$v", VerdictRule.Name(s.Verdict)));
            var perSet = new Dictionary<string, int>();
            foreach (var p in rec.Probes)
            {
                int i = perSet[p.Set] = perSet.GetValueOrDefault(p.Set, -1) + 1;
                Insert(tx, "INSERT INTO probe_scores VALUES($id, $set, $i, $name, $ci, $cc, $mi, $mc, $b)",
                    ("$id", trial.Id), ("$set", p.Set), ("$i", i), ("$name", p.Name), ("$ci", p.CorrIdentity), ("$cc", p.CorrConstant),
                    ("$mi", p.MseIdentity), ("$mc", p.MseConstant), ("$b", p.Baseline));
            }
            var sampled = LossCurveSampling.Downsample(curve, 400);
            Insert(tx, "INSERT INTO loss_curves VALUES($id, $s, $l)", ("$id", trial.Id),
                ("$s", JsonSerializer.Serialize(sampled.Select(p => p.Step))),
                ("$l", JsonSerializer.Serialize(sampled.Select(p => double.IsFinite(p.Loss) ? p.Loss : (double?)null))));
            var fig = rec.Figure;
            for (int c = 0; c < fig.Labels.Count; c++)
                Insert(tx, "INSERT INTO figure_images VALUES($id, $c, $label, $in, $out)",
                    ("$id", trial.Id), ("$c", c), ("$label", fig.Labels[c]), ("$in", FloatBlob.ToBytes(fig.Inputs[c])), ("$out", FloatBlob.ToBytes(fig.Outputs[c])));
            if (output.Layers is { } layers)
                for (int l = 0; l < layers.Maps.Count; l++)
                    for (int c = 0; c < layers.Maps[l].Count; c++)
                        Insert(tx, "INSERT INTO layer_maps VALUES($id, $c, $l, $map)",
                            ("$id", trial.Id), ("$c", c), ("$l", l), ("$map", FloatBlob.ToBytes(layers.Maps[l][c])));
            tx.Commit();
            return true;
        }
    }

    public void RecordFailure(Trial trial, string error)
    {
        lock (writeGate)
        {
            using var cmd = Command("INSERT INTO failures VALUES($id, $label, $error, $t)",
                ("$id", trial.Id), ("$label", trial.Label), ("$error", error), ("$t", DateTime.UtcNow.ToString("O")));
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<TrialRow> LoadTrials()
    {
        var sets = new Dictionary<string, Dictionary<string, SetScoreRow>>();
        using (var cmd = Command("SELECT * FROM set_scores"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var row = new SetScoreRow(r.GetString(1), r.GetInt32(2), r.GetInt32(3), D(r, 4), D(r, 5), D(r, 6), D(r, 7), D(r, 8), D(r, 9), D(r, 10), r.GetString(11));
                (sets.TryGetValue(r.GetString(0), out var d) ? d : sets[r.GetString(0)] = new())[row.Set] = row;
            }
        var trials = new List<TrialRow>();
        using (var cmd = Command("SELECT trial_id, trial_index, label, axes_json, config_json, outcome, steps, initial_loss, final_loss, min_loss, diverged_at_step, seconds, peak_rss_bytes, environment_json FROM trials ORDER BY trial_index"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                trials.Add(new TrialRow(
                    r.GetString(0), r.GetInt32(1), r.GetString(2),
                    JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(3))!,
                    ConfigJson.Deserialize<RunConfig>(r.GetString(4), $"{Path} trial {r.GetString(0)}"),
                    r.GetString(5), r.GetInt32(6), D(r, 7), D(r, 8), D(r, 9), r.IsDBNull(10) ? null : r.GetInt32(10),
                    r.GetDouble(11), r.GetInt64(12), ResultJson.Deserialize<EnvironmentInfo>(r.GetString(13)),
                    sets.GetValueOrDefault(r.GetString(0)) ?? new()));
        return trials;
    }

    public FigureData LoadFigure(string trialId)
    {
        var labels = new List<string>(); var inputs = new List<float[]>(); var outputs = new List<float[]>();
        using var cmd = Command("SELECT label, input, output FROM figure_images WHERE trial_id = $id ORDER BY column_index", ("$id", trialId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            labels.Add(r.GetString(0));
            inputs.Add(FloatBlob.FromBytes((byte[])r[1]));
            outputs.Add(FloatBlob.FromBytes((byte[])r[2]));
        }
        return new FigureData(labels, inputs, outputs);
    }

    /// <summary>Maps[layer][column], or null when the trial recorded none.</summary>
    public IReadOnlyList<IReadOnlyList<float[]>>? LoadLayerMaps(string trialId)
    {
        var maps = new SortedDictionary<int, SortedDictionary<int, float[]>>();
        using var cmd = Command("SELECT layer, column_index, map FROM layer_maps WHERE trial_id = $id", ("$id", trialId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            int l = r.GetInt32(0);
            if (!maps.TryGetValue(l, out var cols)) maps[l] = cols = new();
            cols[r.GetInt32(1)] = FloatBlob.FromBytes((byte[])r[2]);
        }
        return maps.Count == 0 ? null : maps.Values.Select(c => (IReadOnlyList<float[]>)c.Values.ToList()).ToList();
    }

    public IReadOnlyList<ProbeScore> LoadProbeScores(string trialId)
    {
        var list = new List<ProbeScore>();
        using var cmd = Command("SELECT set_name, probe_name, corr_identity, corr_constant, mse_identity, mse_constant, baseline FROM probe_scores WHERE trial_id = $id ORDER BY set_name, probe_index", ("$id", trialId));
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new ProbeScore(r.GetString(0), r.GetString(1), D(r, 2), D(r, 3), D(r, 4), D(r, 5), D(r, 6)));
        return list;
    }

    public IReadOnlyList<LossPoint> LoadLossCurve(string trialId)
    {
        using var cmd = Command("SELECT steps_json, losses_json FROM loss_curves WHERE trial_id = $id", ("$id", trialId));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return [];
        var steps = JsonSerializer.Deserialize<int[]>(r.GetString(0))!;
        var losses = JsonSerializer.Deserialize<double?[]>(r.GetString(1))!;
        return steps.Select((s, i) => new LossPoint(s, losses[i] ?? double.NaN)).ToList();
    }

    public IReadOnlyList<(string TrialId, string Label, string Error, string When)> LoadFailures()
    {
        var list = new List<(string, string, string, string)>();
        using var cmd = Command("SELECT trial_id, label, error, failed_utc FROM failures ORDER BY failed_utc");
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return list;
    }

    /// <summary>Runs any read-only SQL and returns column names and rows (for `icrisis query` and CSV export).</summary>
    public (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows) Query(string sql)
    {
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        var cols = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return (cols, rows);
    }

    static double D(SqliteDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    void Insert(SqliteTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    void Exec(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                double d when !double.IsFinite(d) => DBNull.Value,
                _ => value,
            });
        return cmd;
    }
}
