//! The reader's frame drawn off screen, as text: what `parallax snapshot`
//! prints, and what tests read.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::App;

/// Draws `app` into an off-screen buffer and returns it as plain text, one
/// line per row, trailing spaces trimmed.
pub fn snapshot(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("an in-memory terminal");
    terminal
        .draw(|frame| crate::ui::render(frame, app))
        .expect("drawing into memory cannot fail");
    buffer_text(terminal.backend().buffer())
}

/// A buffer as text: each row's symbols, wide characters once.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            row.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
