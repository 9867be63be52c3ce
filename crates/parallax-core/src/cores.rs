//! Work spread over the machine's cores: a slice cut into one run per
//! thread, each run worked on its own thread, the results in order.

/// How many threads the machine runs at once (one when it cannot say).
/// Asked once: the answer reads the process's control-group files, a
/// dozen system calls, and a start asks several times.
pub fn available() -> usize {
    static AVAILABLE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `work(first, run)` for each of up to `threads` runs of `items` in turn
/// (`first` is the index of the run's first item), each on a thread of its
/// own; the results in the order of the runs.
pub fn map_runs<T: Sync, R: Send>(items: &[T], threads: usize, work: impl Fn(usize, &[T]) -> R + Sync) -> Vec<R> {
    let run = items.len().div_ceil(threads.max(1)).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let working: Vec<_> = items
            .chunks(run)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * run, part)))
            .collect();
        working
            .into_iter()
            .map(|done| done.join().expect("the work of a run does not panic"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_every_item_once_in_order() {
        let items: Vec<usize> = (0..10).collect();
        for threads in [0, 1, 3, 4, 20] {
            let runs = map_runs(&items, threads, |first, run| (first, run.to_vec()));
            assert!(runs.len() <= threads.max(1), "{threads}");
            for (first, run) in &runs {
                assert_eq!(run[0], *first);
            }
            let joined: Vec<usize> = runs.into_iter().flat_map(|(_, run)| run).collect();
            assert_eq!(joined, items, "{threads}");
        }
        assert!(map_runs(&[] as &[usize], 2, |_, run| run.len()).is_empty());
    }
}
