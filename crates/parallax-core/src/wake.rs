//! How a worker thread tells the reader it has something for it (search
//! results, the rest of a library, an index built), so that the reader can
//! sleep until then instead of asking again and again.

use std::sync::{Arc, Mutex};

type Callback = Box<dyn Fn() + Send>;

/// A shared bell: workers ring it; whoever waits sets what ringing does.
/// Until that is set, ringing does nothing (a reader that asks at start
/// finds what arrived before).
#[derive(Clone, Default)]
pub struct Waker(Arc<Mutex<Option<Callback>>>);

impl Waker {
    /// What ringing does from now on.
    pub fn set(&self, callback: impl Fn() + Send + 'static) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(Box::new(callback));
        }
    }

    pub fn wake(&self) {
        if let Ok(slot) = self.0.lock()
            && let Some(callback) = slot.as_ref()
        {
            callback();
        }
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn ringing_calls_what_was_set_last_and_nothing_before() {
        let waker = Waker::default();
        waker.wake();
        let rung = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&rung);
        waker.clone().set(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        waker.wake();
        waker.clone().wake();
        assert_eq!(rung.load(Ordering::Relaxed), 2);
    }
}
