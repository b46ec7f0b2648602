//! Splitting work over the machine's cores: contiguous parts, or jobs taken
//! in turn; results in order, so that parallel runs give exactly the
//! sequential result.

extern crate proc_macro;

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work` on contiguous parts of `0..len` (one per core, at least one
/// part even when `len` is 0) on scoped threads; returns the results in order.
///
/// Inside a proc-macro expansion every part runs on the calling thread:
/// there proc-macro2 builds tokens through the compiler, which only the
/// expanding thread may call.
pub fn map_parts<R: Send>(len: usize, work: impl Fn(Range<usize>) -> R + Sync) -> Vec<R> {
    let threads = threads();
    let size = len.div_ceil(threads).max(1);
    let parts: Vec<Range<usize>> = (0..len.div_ceil(size).max(1))
        .map(|i| i * size..((i + 1) * size).min(len))
        .collect();
    if threads == 1 {
        return parts.into_iter().map(work).collect();
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Runs `work` on each job of `0..count`, one thread per core, each taking
/// the next job when it has finished its last (so the cores stay busy when
/// jobs differ in cost); each thread first makes its own state with
/// `setup` (what cannot cross threads). Returns the results in job order.
/// Inside a proc-macro expansion, every job runs on the calling thread (see
/// [`map_parts`]).
pub fn map_jobs<S, R: Send>(
    count: usize,
    setup: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> R + Sync,
) -> Vec<R> {
    let threads = threads().min(count).max(1);
    if threads == 1 {
        let mut state = setup();
        return (0..count).map(|job| work(&mut state, job)).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut state = setup();
        let mut done = Vec::new();
        loop {
            let job = next.fetch_add(1, Ordering::Relaxed);
            if job >= count {
                return done;
            }
            done.push((job, work(&mut state, job)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(take)).collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_unstable_by_key(|(job, _)| *job);
    done.into_iter().map(|(_, result)| result).collect()
}

/// How many threads to work on: one per core, or one inside a proc-macro
/// expansion (and on a fuzzer's worker).
fn threads() -> usize {
    if proc_macro::is_available() || one_thread_here() {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

#[cfg(test)]
thread_local! {
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on, every [`map_parts`] called on this thread runs its parts
/// here: the fuzzer runs one case per core itself.
#[cfg(test)]
pub fn stay_on_this_thread() {
    ONE_THREAD.with(|one| one.set(true));
}

#[cfg(test)]
fn one_thread_here() -> bool {
    ONE_THREAD.with(std::cell::Cell::get)
}

#[cfg(not(test))]
fn one_thread_here() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_give_their_results_in_order() {
        for count in [0, 1, 2, 7, 100] {
            let results = map_jobs(count, || 10, |ten, job| *ten * job);
            assert_eq!(results, (0..count).map(|job| 10 * job).collect::<Vec<_>>());
        }
    }

    #[test]
    fn parts_cover_everything_in_order() {
        let parts = map_parts(7, |r| r);
        let covered: Vec<usize> = parts.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(covered, (0..7).collect::<Vec<_>>());
        let empty = map_parts(0, |r| r);
        assert_eq!(
            (empty.len(), empty[0].is_empty()),
            (1, true),
            "one empty part"
        );
    }
}
