//! The terminal's life cycle and the event loop. Whatever happens (quit, a
//! panic, SIGTERM, SIGHUP, SIGINT) the terminal is put back as it was.

use std::io::{self, Stdout, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Overlay, update};
use crate::keymap::Key;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i16 = 3;

/// Runs the reader until the user quits or a terminating signal arrives.
pub fn run(app: &mut App, session: Option<&Path>) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    app.search_in_background();
    let mut terminal = enter()?;
    let mut saver = Saver::new(session, app);
    let result = event_loop(&mut terminal, app, &stop, &mut saver);
    restore();
    if let Err(e) = saver.save(app) {
        let _ = writeln!(io::stderr(), "parallax: the session could not be saved: {e}");
    }
    // restore() has shown the cursor. Dropping the terminal would try again
    // and report a failure with eprintln!, which panics when the terminal
    // has hung up; there is nothing left for the drop to do.
    std::mem::forget(terminal);
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &AtomicBool,
    saver: &mut Saver,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    // Fault injection for the end-to-end test of the panic path.
    let panic_after_first_frame = std::env::var_os("PARALLAX_PANIC_AFTER_FIRST_FRAME").is_some();
    loop {
        terminal.draw(|frame| crate::ui::render(frame, app))?;
        if let Some(text) = app.clipboard.take() {
            send_to_clipboard(terminal.backend_mut(), &text)?;
        }
        assert!(!panic_after_first_frame, "PARALLAX_PANIC_AFTER_FIRST_FRAME is set");
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if saver.due() {
            // A failed periodic save is said once; the save on quit says it again.
            if let Err(e) = saver.save(app) {
                app.status = Some(format!("The session could not be saved: {e}"));
            }
        }
        if app.suspend_requested {
            suspend(terminal)?;
            update(app, Action::Resumed);
            continue;
        }
        // While a search runs, wake often to show its results.
        let searching = matches!(&app.overlay, Some(Overlay::Search(palette)) if palette.searching());
        if searching {
            update(app, Action::SearchReady);
        }
        if app.loading.is_some() {
            update(app, Action::ArticlesReady);
        }
        // While articles load or are indexed, wake often enough to show how far.
        let timeout = Duration::from_millis(match (searching, app.progress()) {
            (true, _) => 5,
            (false, Some(_)) => 100,
            (false, None) => 250,
        });
        if !event::poll(timeout)? {
            continue;
        }
        // Take everything already waiting before drawing again, so a resize
        // storm or a held-down key costs one frame, not one per event.
        let deadline = Instant::now() + Duration::from_millis(30);
        loop {
            if let Some(action) = to_action(app, event::read()?) {
                update(app, action);
            }
            if app.quit || app.suspend_requested || Instant::now() > deadline || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// How often the session is saved while the reader runs, if it changed.
const SAVE_EVERY: Duration = Duration::from_secs(30);

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

/// What a terminal event asks of the reader. Keys go through the keymap.
pub fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.keymap.action(app.context(), Key::from_event(key)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt(mouse.column, mouse.row, WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt(mouse.column, mouse.row, -WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt(mouse.column, mouse.row)),
            MouseEventKind::Drag(MouseButton::Left) => Some(Action::DragAt(mouse.column, mouse.row)),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}

/// Sets the terminal's clipboard with OSC 52, which terminals honour over
/// ssh and tmux passes on. The text goes base64-encoded, so nothing in it
/// can act as a control sequence.
fn send_to_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout))
}

/// Puts the terminal back: main screen, cursor shown, cooked mode, no mouse.
/// Safe to call more than once.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
    // The screen came back empty: draw a blank frame so that the next one is
    // drawn whole. (Terminal::clear would ask the terminal where its cursor
    // is, and not every terminal answers.)
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}
