//! Stopping an analysis whose answer is no longer wanted (the editor cancelled the request,
//! or edited the document it asked about). The caller runs the analysis under an
//! [`Interrupt`] ([`run`]); the analysis looks at it between documents ([`check`], or a
//! copy taken with [`current`] for work spread over threads) and, once it is raised, unwinds
//! with the [`Interrupted`] payload, which the caller catches. As rust-analyzer does with its
//! cancellation: no `Result` threaded through every function, and nothing is left half-done,
//! because derived results are kept only once complete (see `memo`). Outside [`run`] (the
//! command line, the diagnostics) nothing interrupts.

use std::cell::RefCell;
use std::sync::Arc;

/// The payload an interrupted analysis unwinds with.
#[derive(Debug)]
pub struct Interrupted;

/// Whether the answer is still wanted: raised means it is not.
#[derive(Clone, Default)]
pub struct Interrupt(Option<Arc<dyn Fn() -> bool + Send + Sync>>);

impl Interrupt {
    pub fn new(raised: impl Fn() -> bool + Send + Sync + 'static) -> Interrupt {
        Interrupt(Some(Arc::new(raised)))
    }

    /// Whether the answer is no longer wanted.
    pub fn raised(&self) -> bool {
        self.0.as_ref().is_some_and(|raised| raised())
    }

    /// Unwind with [`Interrupted`] when raised.
    pub fn check(&self) {
        if self.raised() {
            // (resume_unwind: no panic message, this is no error)
            std::panic::resume_unwind(Box::new(Interrupted));
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Interrupt> = RefCell::new(Interrupt::default());
}

/// Run `f` under `interrupt` on this thread; the previous one is back afterwards, unwound or
/// not.
pub fn run<R>(interrupt: Interrupt, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Interrupt>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(previous) = self.0.take() {
                CURRENT.with(|c| *c.borrow_mut() = previous);
            }
        }
    }
    let _restore = Restore(Some(CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), interrupt))));
    f()
}

/// Run `f` under this thread's interrupt and, besides, `give_way`: `None` when `f` stopped
/// because `give_way` was raised (and the thread's own interrupt was not), so that the caller
/// can let whatever waits go first and run `f` again. Anything else that unwinds `f` goes on
/// unwinding.
pub fn giving_way<R>(give_way: impl Fn() -> bool + Send + Sync + 'static, f: impl FnOnce() -> R) -> Option<R> {
    let own = current();
    let either = {
        let own = own.clone();
        Interrupt::new(move || own.raised() || give_way())
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(either, f))) {
        Ok(r) => Some(r),
        Err(payload) if is_interruption(&*payload) && !own.raised() => None,
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

/// This thread's interrupt, to check from other threads working for it.
pub fn current() -> Interrupt {
    CURRENT.with(|c| c.borrow().clone())
}

/// Unwind with [`Interrupted`] when this thread's interrupt is raised.
pub fn check() {
    CURRENT.with(|c| c.borrow().check());
}

/// Whether a caught unwinding payload is an interruption (not a failure).
pub fn is_interruption(payload: &(dyn std::any::Any + Send)) -> bool {
    payload.is::<Interrupted>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn an_interrupt_unwinds_only_once_raised_and_only_where_it_runs() {
        let raised = Arc::new(AtomicBool::new(false));
        let flag = raised.clone();
        let interrupt = Interrupt::new(move || flag.load(Ordering::SeqCst));
        // not raised: the work runs to its end
        assert_eq!(run(interrupt.clone(), || { check(); 1 }), 1);
        raised.store(true, Ordering::SeqCst);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(interrupt.clone(), || { check(); 2 }))).unwrap_err();
        assert!(is_interruption(&*caught));
        // the thread's interrupt is the previous one again, and other threads never had it
        check();
        assert!(std::thread::spawn(|| { check(); 3 }).join().is_ok());
        // a copy taken for other threads stops them too
        let copy = run(interrupt, current);
        let caught = std::thread::spawn(move || copy.check()).join().unwrap_err();
        assert!(is_interruption(&*caught));
    }

    #[test]
    fn work_that_gives_way_stops_for_its_own_reason_only() {
        let own_raised = Arc::new(AtomicBool::new(false));
        let flag = own_raised.clone();
        let own = Interrupt::new(move || flag.load(Ordering::SeqCst));
        // nothing raised: the answer
        assert_eq!(run(own.clone(), || giving_way(|| false, || { check(); 1 })), Some(1));
        // made to give way: no answer, and the thread's own interrupt is in place again
        assert_eq!(run(own.clone(), || giving_way(|| true, || { check(); 2 })), None);
        // the thread's own interrupt raised too: that one unwinds on, past `giving_way`
        own_raised.store(true, Ordering::SeqCst);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(own.clone(), || giving_way(|| true, || { check(); 3 })))).unwrap_err();
        assert!(is_interruption(&*caught));
        // and a failure is no interruption: it unwinds as it was
        own_raised.store(false, Ordering::SeqCst);
        let failed = std::panic::catch_unwind(|| giving_way(|| false, || -> u8 { std::panic::panic_any(7u8) })).unwrap_err();
        assert_eq!(failed.downcast_ref::<u8>(), Some(&7));
    }
}
