namespace IdentityCrisis.Storage;

/// <summary>
/// The results database schema (documented in docs/results-db.md). Denormalized columns on
/// trials (depth, channels, ...) exist so plain SQL answers most questions without JSON.
/// SQLite stores NaN as NULL: a NULL score means "undefined" (e.g. a diverged run).
/// </summary>
public static class ResultsSchema
{
    public const int Version = 1;

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta(
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS trials(
            trial_id         TEXT PRIMARY KEY,
            trial_index      INTEGER NOT NULL,
            label            TEXT NOT NULL,
            axes_json        TEXT NOT NULL,
            config_json      TEXT NOT NULL,
            kind             TEXT NOT NULL,
            depth            INTEGER NOT NULL,
            width            INTEGER NOT NULL,
            channels         INTEGER NOT NULL,
            kernel           INTEGER NOT NULL,
            activation       TEXT NOT NULL,
            padding          TEXT NOT NULL,
            init             TEXT NOT NULL,
            optimizer        TEXT NOT NULL,
            learning_rate    REAL NOT NULL,
            seed             INTEGER NOT NULL,
            train_index      INTEGER NOT NULL,
            train_images     INTEGER NOT NULL,
            outcome          TEXT NOT NULL,
            steps            INTEGER NOT NULL,
            initial_loss     REAL,
            final_loss       REAL,
            min_loss         REAL,
            diverged_at_step INTEGER,
            seconds          REAL NOT NULL,
            peak_rss_bytes   INTEGER NOT NULL,
            environment_json TEXT NOT NULL,
            finished_utc     TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS set_scores(
            trial_id           TEXT NOT NULL REFERENCES trials(trial_id),
            set_name           TEXT NOT NULL,
            probes             INTEGER NOT NULL,
            informative        INTEGER NOT NULL,
            mean_corr_identity REAL,
            mean_corr_constant REAL,
            mean_mse_identity  REAL,
            mean_mse_constant  REAL,
            mean_baseline      REAL,
            identity_skill     REAL,
            constant_skill     REAL,
            verdict            TEXT NOT NULL,
            PRIMARY KEY(trial_id, set_name));
        CREATE TABLE IF NOT EXISTS probe_scores(
            trial_id      TEXT NOT NULL REFERENCES trials(trial_id),
            set_name      TEXT NOT NULL,
            probe_index   INTEGER NOT NULL,
            probe_name    TEXT NOT NULL,
            corr_identity REAL,
            corr_constant REAL,
            mse_identity  REAL,
            mse_constant  REAL,
            baseline      REAL,
            PRIMARY KEY(trial_id, set_name, probe_index));
        CREATE TABLE IF NOT EXISTS loss_curves(
            trial_id    TEXT PRIMARY KEY REFERENCES trials(trial_id),
            steps_json  TEXT NOT NULL,
            losses_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS figure_images(
            trial_id     TEXT NOT NULL REFERENCES trials(trial_id),
            column_index INTEGER NOT NULL,
            label        TEXT NOT NULL,
            input        BLOB NOT NULL,
            output       BLOB NOT NULL,
            PRIMARY KEY(trial_id, column_index));
        CREATE TABLE IF NOT EXISTS layer_maps(
            trial_id     TEXT NOT NULL REFERENCES trials(trial_id),
            column_index INTEGER NOT NULL,
            layer        INTEGER NOT NULL,
            map          BLOB NOT NULL,
            PRIMARY KEY(trial_id, column_index, layer));
        CREATE TABLE IF NOT EXISTS failures(
            trial_id   TEXT NOT NULL,
            label      TEXT NOT NULL,
            error      TEXT NOT NULL,
            failed_utc TEXT NOT NULL);
        """;
}
