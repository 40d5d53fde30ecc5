//! The three-stage pipeline shared by `import` and `extract`: one thread
//! reads input into batches, the rayon pool maps each batch on every core,
//! and one thread consumes the results in input order.
//!
//! Stages talk through bounded channels ([`DEPTH`] batches each), so reading,
//! extraction and writing overlap while at most a few batches are in memory
//! whatever the corpus size. Output order always equals input order, so the
//! same input gives the same rows (and ids) however many cores run it.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use rayon::prelude::*;

/// Items per batch: large enough that a transaction and a rayon split cost
/// little per article (FTS5 flushes its index every megabyte of text anyway),
/// small enough that a batch of 6 KB articles with their facts stays around
/// 4 MB.
pub const BATCH: usize = 256;

/// Batches waiting between two stages: one is enough to keep every stage
/// busy, and each more costs a batch of memory.
pub const DEPTH: usize = 1;

/// A batch of items and how far through the input the reader was after it.
pub struct Batch<T> {
    pub items: Vec<T>,
    /// Input bytes consumed so far (for the progress bar).
    pub position: u64,
}

/// Collects items into batches and hands each full one to the next stage.
pub struct Batcher<T> {
    tx: SyncSender<Batch<T>>,
    items: Vec<T>,
}

impl<T> Batcher<T> {
    /// A batcher and the receiving end for the next stage.
    pub fn new() -> (Self, Receiver<Batch<T>>) {
        let (tx, rx) = sync_channel(DEPTH);
        let batcher = Batcher {
            tx,
            items: Vec::with_capacity(BATCH),
        };
        (batcher, rx)
    }

    /// Adds one item; returns false once the next stage has stopped (then
    /// the reader should stop too).
    pub fn push(&mut self, item: T, position: u64) -> bool {
        self.items.push(item);
        if self.items.len() < BATCH {
            return true;
        }
        self.send(position)
    }

    /// Sends what is left.
    pub fn finish(mut self, position: u64) {
        if !self.items.is_empty() {
            self.send(position);
        }
    }

    fn send(&mut self, position: u64) -> bool {
        let items = std::mem::replace(&mut self.items, Vec::with_capacity(BATCH));
        self.tx.send(Batch { items, position }).is_ok()
    }
}

/// Lowers the scheduling priority of the rayon pool's threads (Unix), once.
///
/// An import is a pipeline whose one serial stage is the writer. With the
/// pool's threads as busy as it, the writer gets two thirds of a core on two
/// cores and the whole pipeline waits for it; at a lower priority the pool
/// takes what the writer leaves. Best effort: if the pool is already built,
/// or the system refuses, nothing changes but speed.
pub fn yield_to_writer() {
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| lower_this_thread())
        .build_global();
}

#[cfg(unix)]
fn lower_this_thread() {
    // On Linux, PRIO_PROCESS with 0 sets the calling thread's nice value.
    // SAFETY: setpriority reads no memory of ours; its result is ignored.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, POOL_NICENESS);
    }
}

#[cfg(not(unix))]
fn lower_this_thread() {}

/// The pool's nice value: weight 110 against the writer's 1024 under Linux's
/// scheduler, so the writer runs whenever it has work.
#[cfg(unix)]
const POOL_NICENESS: libc::c_int = 10;

/// Maps every batch from `input` on all cores, in order, and passes it on.
/// Returns when the input ends or the next stage stops.
pub fn map_batches<T, U>(
    input: Receiver<Batch<T>>,
    output: SyncSender<Batch<U>>,
    map: impl Fn(T) -> U + Sync + Send,
) where
    T: Send,
    U: Send,
{
    for batch in input {
        let items: Vec<U> = batch.items.into_par_iter().map(&map).collect();
        let mapped = Batch {
            items,
            position: batch.position,
        };
        if output.send(mapped).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_input_order_and_the_last_partial_batch() {
        let (mut batcher, rx) = Batcher::new();
        let (tx, out) = sync_channel(DEPTH);
        let n = BATCH * 2 + 7;
        std::thread::scope(|s| {
            s.spawn(move || {
                for i in 0..n {
                    assert!(batcher.push(i, i as u64));
                }
                batcher.finish(n as u64);
            });
            s.spawn(move || map_batches(rx, tx, |i: usize| i * 10));
            let batches: Vec<Batch<usize>> = out.iter().collect();
            assert_eq!(batches.len(), 3);
            assert_eq!(batches[2].items.len(), 7);
            assert_eq!(batches[2].position, n as u64);
            let all: Vec<usize> = batches.into_iter().flat_map(|b| b.items).collect();
            assert_eq!(all, (0..n).map(|i| i * 10).collect::<Vec<_>>());
        });
    }

    #[test]
    fn a_stopped_consumer_stops_the_reader() {
        let (mut batcher, rx) = Batcher::new();
        drop(rx);
        let sent_all = (0..BATCH).all(|i| batcher.push(i, 0));
        assert!(!sent_all);
    }
}
