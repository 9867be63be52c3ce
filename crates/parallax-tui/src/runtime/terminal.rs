//! The terminal: taken and put back whatever happens (quit, a panic, a
//! signal), given to the shell on ctrl-z, and its clipboard set.

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Screen = Terminal<CrosstermBackend<FrameWriter>>;

pub fn enter() -> io::Result<Screen> {
    terminal::enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture, cursor::Hide) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(FrameWriter::default()))
}

/// Holds a frame's bytes until the frame is done, then writes them in one
/// go: the terminal gets whole frames (standard output alone would pass
/// them on a kilobyte at a time), and a frame cut short by a panic is
/// dropped, not written over the screen the panic hook has put back (as
/// `BufWriter` would on its way out).
#[derive(Default)]
pub struct FrameWriter {
    frame: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        let written = stdout.write_all(&self.frame).and_then(|()| stdout.flush());
        self.frame.clear();
        written
    }
}

/// Puts the terminal back: main screen, cursor shown, cooked mode, no mouse.
/// Safe to call more than once.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
pub fn suspend(terminal: &mut Screen) -> io::Result<()> {
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

/// Sets the terminal's clipboard with OSC 52, which terminals honour over
/// ssh and tmux passes on. The text goes base64-encoded, so nothing in it
/// can act as a control sequence.
pub fn send_to_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
