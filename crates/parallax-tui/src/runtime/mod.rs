//! The runtime: the loop that sleeps until something happens (a key, a
//! worker's bell, a signal, a timer), hands it to `update` as an action,
//! carries out the effects `update` leaves, and draws. Whatever happens
//! (quit, a panic, SIGTERM, SIGHUP, SIGINT) the terminal is put back.

mod events;
mod terminal;

pub use events::to_action;
pub use terminal::restore;

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::{Action, App, Effect, update};
use events::Event;
use terminal::Screen;

/// How often the session is saved while the reader runs, if it changed.
const SAVE_EVERY: Duration = Duration::from_secs(30);

/// While articles load or are indexed, how often the status line says how far.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// How long events already waiting are taken before drawing again, so that
/// a resize storm or a held-down key costs one frame, not one per event.
const BATCH: Duration = Duration::from_millis(30);

/// Runs the reader until the user quits or a terminating signal arrives.
pub fn run(app: &mut App, session: Option<&Path>) -> io::Result<()> {
    terminal::install_panic_hook();
    app.search_in_background();
    // Taken over before the terminal is, so that it is always put back.
    let signals = events::take_signals()?;
    let mut screen = terminal::enter()?;
    let mut saver = Saver::new(session, app);
    let mut farewell = Vec::new();
    let result = event_loop(&mut screen, app, signals, &mut saver, &mut farewell);
    terminal::restore();
    for line in farewell {
        let _ = writeln!(io::stderr(), "parallax: {line}");
    }
    if let Err(e) = saver.save(app) {
        let _ = writeln!(io::stderr(), "parallax: the session could not be saved: {e}");
    }
    // restore() has shown the cursor. Dropping the terminal would try again
    // and report a failure with eprintln!, which panics when the terminal
    // has hung up; there is nothing left for the drop to do.
    std::mem::forget(screen);
    result
}

/// What the loop does after an event.
enum Next {
    Go,
    Leave,
}

fn event_loop(
    screen: &mut Screen,
    app: &mut App,
    signals: events::Signals,
    saver: &mut Saver,
    farewell: &mut Vec<String>,
) -> io::Result<()> {
    let size = screen.size()?;
    update(app, Action::Resize(size.width, size.height));
    screen.draw(|frame| crate::ui::render(frame, app))?;
    fault_injection_after_first_frame();
    // The threads that feed the loop start once the first frame is out, and
    // the rest of a large library is read from then on.
    app.keep_own_map_in_background();
    app.load_the_rest_in_background();
    let events = events::channel(app, signals)?;
    let events = &events;
    loop {
        if saver.due() {
            // A failed periodic save is said once; the save on quit says it again.
            if let Err(e) = saver.save(app) {
                update(app, Action::SessionNotSaved(e.kind()));
            }
        }
        // Sleep until something happens; while articles load or are
        // indexed, wake to show how far; else only for the next save.
        let timeout = match app.progress() {
            Some(_) => PROGRESS_EVERY,
            None => saver.until_due(),
        };
        let event = match events.recv_timeout(timeout) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        match event {
            // The library may have arrived while a list held it.
            None => update(app, Action::ArticlesReady),
            Some(event) => {
                if let Next::Leave = handle_batch(screen, app, events, event, farewell)? {
                    return Ok(());
                }
            }
        }
        screen.draw(|frame| crate::ui::render(frame, app))?;
    }
}

/// Handles `first` and the events already waiting behind it, for at most
/// [`BATCH`].
fn handle_batch(
    screen: &mut Screen,
    app: &mut App,
    events: &Receiver<Event>,
    first: Event,
    farewell: &mut Vec<String>,
) -> io::Result<Next> {
    let deadline = Instant::now() + BATCH;
    let mut next = handle(screen, app, first, farewell)?;
    while let Next::Go = next {
        if Instant::now() > deadline {
            break;
        }
        match events.try_recv() {
            Ok(event) => next = handle(screen, app, event, farewell)?,
            Err(_) => break,
        }
    }
    Ok(next)
}

/// Hands one event to `update` and carries out the effects it left; what
/// is to be said once the terminal is back goes to `farewell`.
fn handle(screen: &mut Screen, app: &mut App, event: Event, farewell: &mut Vec<String>) -> io::Result<Next> {
    match event {
        Event::Terminal(event) => {
            if let Some(action) = to_action(app, event) {
                update(app, action);
            }
            // A library or a map held while a list was open is taken up as it closes.
            if app.work.loading.is_some() {
                update(app, Action::ArticlesReady);
            }
            update(app, Action::OwnMapReady);
        }
        Event::Woken => {
            update(app, Action::SearchReady);
            update(app, Action::ArticlesReady);
            update(app, Action::OwnMapReady);
        }
        Event::TerminalLost(e) => return Err(e),
        Event::Stop => return Ok(Next::Leave),
    }
    for effect in app.outbox.take() {
        match effect {
            Effect::Quit => return Ok(Next::Leave),
            Effect::Clipboard(text) => terminal::send_to_clipboard(screen.backend_mut(), &text)?,
            Effect::Suspend => {
                terminal::suspend(screen)?;
                update(app, Action::Resumed);
            }
            Effect::WriteAside(text) => farewell.push(write_aside(&text)),
        }
    }
    Ok(Next::Go)
}

/// Writes a map that could not be saved where it belongs to a new file in
/// the home folder (else the current one); says where, or why not.
fn write_aside(text: &str) -> String {
    let dir = std::env::home_dir().unwrap_or_else(|| Path::new(".").to_path_buf());
    let path = (1..1000)
        .map(|n| match n {
            1 => dir.join("parallax-unsaved-map.toml"),
            n => dir.join(format!("parallax-unsaved-map-{n}.toml")),
        })
        .find(|path| !path.exists())
        .unwrap_or_else(|| dir.join("parallax-unsaved-map.toml"));
    let shown = crate::sanitize::clean_line(&path.display().to_string());
    match crate::atomic::write(&path, text.as_bytes()) {
        Ok(()) => format!("your map, with the changes that could not be saved, is written to {shown}"),
        Err(e) => format!("your map could not be written to {shown} either ({e}); its changes are lost"),
    }
}

/// The end-to-end test of the panic path sets this to see the terminal put
/// back after a panic; a release build has no such switch.
fn fault_injection_after_first_frame() {
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("PARALLAX_PANIC_AFTER_FIRST_FRAME").is_none(),
        "PARALLAX_PANIC_AFTER_FIRST_FRAME is set"
    );
}

/// Saves the session when it changed: periodically, and on the way out.
struct Saver {
    path: Option<std::path::PathBuf>,
    last: Option<crate::session::Session>,
    at: Instant,
}

impl Saver {
    fn new(path: Option<&Path>, app: &App) -> Saver {
        Saver {
            path: path.map(Path::to_path_buf),
            last: Some(app.to_session()),
            at: Instant::now(),
        }
    }

    fn due(&self) -> bool {
        self.path.is_some() && self.at.elapsed() >= SAVE_EVERY
    }

    /// How long until the next periodic save (a long while when there is
    /// no session to save).
    fn until_due(&self) -> Duration {
        match self.path {
            Some(_) => SAVE_EVERY.saturating_sub(self.at.elapsed()),
            None => Duration::from_secs(3600),
        }
    }

    fn save(&mut self, app: &App) -> io::Result<()> {
        self.at = Instant::now();
        let Some(path) = &self.path else { return Ok(()) };
        let session = app.to_session();
        if self.last.as_ref() == Some(&session) && path.exists() {
            return Ok(());
        }
        crate::session::save(path, &session)?;
        self.last = Some(session);
        Ok(())
    }
}
