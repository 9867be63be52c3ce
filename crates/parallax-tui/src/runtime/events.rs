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

/// Starts the threads that feed the channel, and rings it from the
/// workers. Returns its receiving end.
pub fn channel(app: &App) -> std::io::Result<Receiver<Event>> {
    let (sender, receiver) = mpsc::channel();
    read_terminal(sender.clone())?;
    watch_signals(sender.clone())?;
    for waker in [
        Some(&app.work.searcher.waker),
        app.work.loading.as_ref().map(|l| &l.waker),
    ]
    .into_iter()
    .flatten()
    {
        let sender = sender.clone();
        waker.set(move || {
            let _ = sender.send(Event::Woken);
        });
    }
    // Whatever arrived before the bell was set is taken now.
    let _ = sender.send(Event::Woken);
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

fn watch_signals(sender: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
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
