//! The one channel the reader sleeps on: terminal events (read on a thread
//! of their own), a bell the workers ring (search results, the rest of a
//! library, an index built), and the terminating signals.

use std::sync::mpsc::{self, Receiver, Sender};

use crossterm::event::{Event as TerminalEvent, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::{Action, App};
use crate::keymap::Key;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i16 = 3;

/// Something for the reader to wake up to.
pub enum Event {
    Terminal(TerminalEvent),
    /// Reading the terminal failed (it went away): the reader ends.
    TerminalLost(std::io::Error),
    /// A worker has something to take: search results, the library, an index.
    Woken,
    /// SIGTERM, SIGHUP or SIGINT: the reader ends, putting the terminal back.
    Stop,
}

pub use signal_hook::iterator::Signals;

/// Takes over SIGTERM, SIGHUP and SIGINT from their default (ending the
/// process at once), to deliver them on the channel.
pub fn take_signals() -> std::io::Result<Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    Signals::new([SIGTERM, SIGHUP, SIGINT])
}

/// Starts the threads that feed the channel, and rings it from the
/// workers. Returns its receiving end.
pub fn channel(app: &App, signals: Signals) -> std::io::Result<Receiver<Event>> {
    let (sender, receiver) = mpsc::channel();
    read_terminal(sender.clone())?;
    watch_signals(signals, sender.clone())?;
    for waker in [
        Some(&app.work.searcher.waker),
        app.work.loading.as_ref().map(|l| &l.waker),
        app.own.as_ref().map(|o| &o.keeper.waker),
    ]
    .into_iter()
    .flatten()
    {
        let sender = sender.clone();
        waker.set(move || {
            let _ = sender.send(Event::Woken);
        });
    }
    // A library that arrived before the bell was set is taken now. (Search
    // results come only after a query, and the loop looks in on an index
    // being built while it is.)
    if app.work.loading.as_ref().is_some_and(|l| l.arrived()) {
        let _ = sender.send(Event::Woken);
    }
    Ok(receiver)
}

fn read_terminal(sender: Sender<Event>) -> std::io::Result<()> {
    std::thread::Builder::new().name("terminal".into()).spawn(move || {
        loop {
            let event = match crossterm::event::read() {
                Ok(event) => Event::Terminal(event),
                Err(e) => {
                    let _ = sender.send(Event::TerminalLost(e));
                    return;
                }
            };
            if sender.send(event).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}

fn watch_signals(mut signals: Signals, sender: Sender<Event>) -> std::io::Result<()> {
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if signals.forever().next().is_some() {
            let _ = sender.send(Event::Stop);
        }
    })?;
    Ok(())
}

/// What a terminal event asks of the reader. Keys go through the keymap.
pub fn to_action(app: &App, event: TerminalEvent) -> Option<Action> {
    match event {
        TerminalEvent::Key(key) if key.kind != KeyEventKind::Release => {
            app.keymap.action(app.context(), Key::from_event(key))
        }
        TerminalEvent::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt(mouse.column, mouse.row, WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt(mouse.column, mouse.row, -WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt(mouse.column, mouse.row)),
            MouseEventKind::Drag(MouseButton::Left) => Some(Action::DragAt(mouse.column, mouse.row)),
            _ => None,
        },
        TerminalEvent::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}
