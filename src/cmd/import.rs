//! `newsfacts import`: read articles, extract facts on every core, write them
//! with one writer in large transactions.
//!
//! Three stages overlap (see [`pipeline`]): a reader thread streams records
//! into batches, the rayon pool extracts each batch, and the writer (this
//! thread, which owns the database) commits each batch in one transaction.
//! Memory stays flat whatever the corpus size, and a killed import leaves
//! only whole articles behind. `--facts` runs the same pipeline with JSON
//! parsing in place of extraction. A large import drops the query indexes
//! first and builds them at its end (see [`crate::db::indexes`]).

pub mod pipeline;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::Connection;

use crate::db::{self, indexes, writer};
use crate::extract::{self, Facts};
use crate::ingest::{self, Document, InputError, Record, Source};
use pipeline::{map_batches, Batch, Batcher, DEPTH};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders to import (.txt, .jsonl, .ndjson, .csv); `-` reads JSONL from stdin.
    #[arg(required_unless_present = "facts")]
    pub paths: Vec<PathBuf>,
    /// The database file (created if missing).
    #[arg(long, default_value = "newsfacts.db")]
    pub db: PathBuf,
    /// Re-extract articles already in the database instead of skipping them.
    #[arg(long)]
    pub replace: bool,
    /// Load facts produced by `newsfacts extract` (JSONL) instead of articles.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,
    /// When to update the query indexes: `during` the load, or `after` it
    /// (dropped, then built in one pass: faster for a large input, but
    /// queries run meanwhile are slow). `auto` is `after` when the input is
    /// at least a tenth of the database's size.
    #[arg(long, value_enum, default_value_t = IndexBuild::Auto, value_name = "WHEN")]
    pub build_indexes: IndexBuild,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexBuild {
    Auto,
    During,
    After,
}

/// Inputs smaller than this keep the indexes up to date as they go: the
/// saving would be under a second, and queries run during the import stay fast.
const MIN_DEFERRED_INPUT: u64 = 6_000_000;

/// What one import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub new: u64,
    pub unchanged: u64,
    pub replaced: u64,
    pub failed: u64,
    /// Bytes of article text stored.
    pub bytes: u64,
    pub facts: writer::FactCounts,
    /// Indexes built after the load, and the time that took.
    pub indexes_built: Option<(usize, Duration)>,
}

/// Extracted (or loaded) articles on their way to the writer.
type FactsBatch = Batch<Result<Facts, InputError>>;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    pipeline::yield_to_writer();
    let mut conn = db::open_for_write(&args.db)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let run_id = writer::start_run(&conn, &command)?;
    db::start_bulk_load(&conn, args.replace)?;
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4))
    };
    let job = match &args.facts {
        Some(path) => Job::Facts(path),
        None => Job::Articles(Input::walk(&args.paths)),
    };
    if defers_indexes(&conn, args.build_indexes, job.total_bytes())? {
        indexes::defer(&conn)?;
    }
    let mut summary = match job {
        Job::Articles(input) => import_input(&mut conn, run_id, input, args.replace, &bar)?,
        Job::Facts(path) => import_facts(&mut conn, run_id, path, args.replace, &bar)?,
    };
    summary.indexes_built = build_missing_indexes(&conn, &bar)?;
    db::end_bulk_load(&conn)?;
    bar.finish_and_clear();
    writer::finish_run(
        &conn,
        run_id,
        summary.new + summary.replaced,
        summary.unchanged,
        summary.failed,
    )?;
    if !args.quiet {
        // writeln!, not println!: a closed pipe is an error to return, not a panic.
        writeln!(
            std::io::stdout(),
            "{}",
            summary.line(started.elapsed().as_secs_f64())
        )?;
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether this import drops the query indexes and builds them at its end.
/// Building costs about the same whatever was added, updating costs per fact
/// and grows with the database: building wins once the input is a good
/// fraction of what is stored (measured break-even: new articles about a
/// third of the stored ones, when the file is about 3.3 times the text it
/// holds, hence a tenth of the file's size).
fn defers_indexes(
    conn: &Connection,
    when: IndexBuild,
    input_bytes: Option<u64>,
) -> anyhow::Result<bool> {
    Ok(match when {
        IndexBuild::During => false,
        IndexBuild::After => true,
        IndexBuild::Auto => {
            let Some(input) = input_bytes else {
                return Ok(false); // standard input: size unknown
            };
            let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
            let page_size: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
            let stored = (pages * page_size) as u64;
            input >= MIN_DEFERRED_INPUT && input.saturating_mul(10) >= stored
        }
    })
}

/// Builds the indexes this import, or an earlier one that was killed,
/// dropped; the bar says which. Returns how many and how long it took.
fn build_missing_indexes(
    conn: &Connection,
    bar: &ProgressBar,
) -> anyhow::Result<Option<(usize, Duration)>> {
    let started = Instant::now();
    let missing = indexes::missing(conn)?;
    for (i, index) in missing.iter().enumerate() {
        bar.set_message(format!(
            "building index {} ({} of {})",
            index.name,
            i + 1,
            missing.len()
        ));
        indexes::build(conn, index).with_context(|| format!("building index {}", index.name))?;
    }
    Ok((!missing.is_empty()).then(|| (missing.len(), started.elapsed())))
}

/// What an import reads: articles, or facts from `newsfacts extract`.
enum Job<'a> {
    Articles(Input),
    Facts(&'a Path),
}

impl Job<'_> {
    /// Total size of the input; None when it is standard input.
    fn total_bytes(&self) -> Option<u64> {
        match self {
            Job::Articles(input) => input.total_bytes(),
            Job::Facts(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        }
    }
}

/// The walked input: sources in order with their sizes, and the paths that
/// could not be used.
struct Input {
    sources: Vec<Source>,
    sizes: Vec<Option<u64>>,
    errors: Vec<InputError>,
}

impl Input {
    fn walk(paths: &[PathBuf]) -> Self {
        let (sources, errors) = ingest::walk(paths);
        let sizes = sources.iter().map(source_size).collect();
        Input {
            sources,
            sizes,
            errors,
        }
    }

    /// Total size of the inputs; None when one is standard input.
    fn total_bytes(&self) -> Option<u64> {
        self.sizes.iter().copied().sum()
    }
}

/// Imports every article under `paths` into an open database, without a
/// progress bar.
pub fn import_paths(
    conn: &mut Connection,
    run_id: i64,
    paths: &[PathBuf],
    replace: bool,
) -> anyhow::Result<Summary> {
    let input = Input::walk(paths);
    import_input(conn, run_id, input, replace, &ProgressBar::hidden())
}

fn import_input(
    conn: &mut Connection,
    run_id: i64,
    input: Input,
    replace: bool,
    bar: &ProgressBar,
) -> anyhow::Result<Summary> {
    show_progress(bar, input.total_bytes());
    let Input {
        sources,
        sizes,
        errors,
    } = input;
    std::thread::scope(|s| {
        let (batcher, read) = Batcher::new();
        let (extracted, to_write) = sync_channel(DEPTH);
        s.spawn(|| read_sources(&sources, &sizes, batcher));
        s.spawn(|| {
            map_batches(read, extracted, |r: Record| {
                r.and_then(|d| extract_guarded(&d))
            })
        });
        write_all(conn, run_id, replace, errors, to_write, bar)
    })
}

/// Loads JSONL facts written by `newsfacts extract` (`-` for standard input),
/// each record parsed and checked on the rayon pool.
fn import_facts(
    conn: &mut Connection,
    run_id: i64,
    path: &Path,
    replace: bool,
    bar: &ProgressBar,
) -> anyhow::Result<Summary> {
    let shown = ingest::facts::display_name(path);
    let size = std::fs::metadata(path).ok().map(|m| m.len());
    show_progress(bar, size);
    std::thread::scope(|s| {
        let (batcher, read) = Batcher::new();
        let (parsed, to_write) = sync_channel(DEPTH);
        s.spawn(|| read_lines(path, batcher));
        s.spawn(|| map_batches(read, parsed, |line| ingest::facts::parse(&shown, line)));
        write_all(conn, run_id, replace, Vec::new(), to_write, bar)
    })
}

/// Extracts one document; a panic in an extractor becomes an error for this
/// article (kept in `import_errors`) instead of ending the whole import.
fn extract_guarded(doc: &Document) -> Result<Facts, InputError> {
    std::panic::catch_unwind(|| extract::extract(doc)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        InputError::new(
            &doc.source_path,
            doc.record,
            format!("internal error in extraction ({message}); please report it"),
        )
    })
}

/// The reader stage for articles: every record of every source, in order.
/// Progress is counted in input bytes (text bytes within a multi-record
/// file, the file's size once it is done).
fn read_sources(sources: &[Source], sizes: &[Option<u64>], mut batcher: Batcher<Record>) {
    let mut done = 0u64;
    for (source, size) in sources.iter().zip(sizes) {
        let mut within = 0u64;
        for record in ingest::read(source) {
            if let Ok(doc) = &record {
                within += doc.text.len() as u64;
            }
            let position = done + size.map_or(within, |s| within.min(s));
            if !batcher.push(record, position) {
                return;
            }
        }
        done += size.unwrap_or(within);
    }
    batcher.finish(done);
}

/// The reader stage for facts: the file's lines, progress counted in bytes.
fn read_lines(path: &Path, mut batcher: Batcher<ingest::facts::Line>) {
    let mut position = 0u64;
    for line in ingest::facts::lines(path) {
        if let Ok((_, bytes)) = &line {
            position += bytes.len() as u64 + 1;
        }
        if !batcher.push(line, position) {
            return;
        }
    }
    batcher.finish(position);
}

/// The writer stage: each batch in one transaction, failures named on
/// stderr and kept in `import_errors`.
fn write_all(
    conn: &mut Connection,
    run_id: i64,
    replace: bool,
    early_failures: Vec<InputError>,
    batches: Receiver<FactsBatch>,
    bar: &ProgressBar,
) -> anyhow::Result<Summary> {
    let mut writer = writer::Writer::new(conn, run_id, replace);
    let mut summary = Summary::default();
    let early = Batch {
        items: early_failures.into_iter().map(Err).collect(),
        position: 0,
    };
    let mut pending = Some(early);
    loop {
        let batch = match pending.take() {
            Some(batch) => batch,
            None => match next_batch(&batches, &mut writer)? {
                Some(batch) => batch,
                None => break,
            },
        };
        if batch.items.is_empty() {
            continue;
        }
        for err in batch.items.iter().filter_map(|item| item.as_ref().err()) {
            bar.suspend(|| eprintln!("error: {err}"));
        }
        summary.add(writer.write_batch(&batch.items)?);
        bar.set_position(batch.position);
        bar.set_message(summary.progress(bar.elapsed()));
        // Freeing a batch's thousands of strings is a tenth of the writer's
        // work when done here, on the one serial stage (and glibc frees
        // memory from another thread's arena slowly): the pool does it.
        rayon::spawn(move || drop(batch));
    }
    writer.finish()?;
    Ok(summary)
}

/// How long the writer waits for the next batch before it commits what it
/// has written. Extraction keeps pace with the writer, so the next batch is
/// often a few milliseconds late: committing then (with a rollback journal,
/// several fsyncs and a rewrite of the pages the last commit left half full)
/// cost more than the wait. A stream that is really slow still becomes
/// visible to readers this soon after it pauses.
const IDLE_BEFORE_COMMIT: Duration = Duration::from_millis(250);

/// The next batch to write. When none comes for [`IDLE_BEFORE_COMMIT`]
/// (a slow stream), what is written so far is committed first, so readers
/// see it.
fn next_batch(
    batches: &Receiver<FactsBatch>,
    writer: &mut writer::Writer,
) -> anyhow::Result<Option<FactsBatch>> {
    match batches.recv_timeout(IDLE_BEFORE_COMMIT) {
        Ok(batch) => Ok(Some(batch)),
        Err(RecvTimeoutError::Disconnected) => Ok(None),
        Err(RecvTimeoutError::Timeout) => {
            writer.commit()?;
            Ok(batches.recv().ok())
        }
    }
}

/// The size of a file source; None for standard input.
fn source_size(source: &Source) -> Option<u64> {
    match source {
        Source::Txt(p) | Source::Jsonl(p) | Source::Csv(p) => {
            std::fs::metadata(p).ok().map(|m| m.len())
        }
        Source::Stdin => None,
    }
}

/// A bar with percentage and ETA when the input size is known, a spinner
/// otherwise; both show articles and articles/s. (Hidden bars, for `--quiet`
/// and when stderr is not a terminal, draw nothing.)
fn show_progress(bar: &ProgressBar, total_bytes: Option<u64>) {
    let template = match total_bytes {
        Some(_) => "{elapsed_precise} [{wide_bar}] {percent:>3}%  {msg}  ETA {eta}",
        None => "{elapsed_precise} {spinner} {msg}",
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    if let Some(total) = total_bytes {
        bar.set_length(total);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
}

impl Summary {
    fn add(&mut self, batch: writer::BatchCounts) {
        self.new += batch.new;
        self.unchanged += batch.unchanged;
        self.replaced += batch.replaced;
        self.failed += batch.failed;
        self.bytes += batch.bytes;
        self.facts += batch.facts;
    }

    /// Articles so far and their rate, for the progress bar.
    fn progress(&self, elapsed: Duration) -> String {
        let done = self.new + self.replaced + self.unchanged;
        let rate = done as f64 / elapsed.as_secs_f64().max(1e-3);
        format!("{done} articles, {rate:.0} articles/s")
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self, seconds: f64) -> String {
        let total = self.new + self.replaced + self.unchanged;
        let (rate, mb_rate) = if seconds > 0.0 {
            (total as f64 / seconds, self.bytes as f64 / 1e6 / seconds)
        } else {
            (0.0, 0.0)
        };
        let f = &self.facts;
        let replaced = if self.replaced > 0 {
            format!(", {} replaced", self.replaced)
        } else {
            String::new()
        };
        let indexes = match self.indexes_built {
            Some((n, took)) => format!(
                ", {n} indexes built after the load in {:.2} s",
                took.as_secs_f64()
            ),
            None => String::new(),
        };
        format!(
            "articles: {} new, {} unchanged{replaced}, {} failed | facts: {} actor mentions, {} statements, \
             {} casualty figures, {} location mentions | {seconds:.2} s ({rate:.0} articles/s, {mb_rate:.1} MB/s stored{indexes})",
            self.new, self.unchanged, self.failed, f.actor_mentions, f.statements, f.casualty_figures,
            f.location_mentions
        )
    }
}
