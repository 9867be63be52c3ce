//! The baseline of the startup benchmark: the least a ratatui program can do
//! to show two files side by side (read them, wrap them with ratatui's own
//! Paragraph, draw one frame off-screen, print it).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Paragraph, Wrap};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [left, right] = [&args[0], &args[1]].map(|path| std::fs::read_to_string(path).expect("a readable file"));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("an in-memory terminal");
    terminal
        .draw(|frame| {
            let [a, b] = Layout::horizontal([Constraint::Fill(1); 2]).areas(frame.area());
            frame.render_widget(
                Paragraph::new(left.as_str())
                    .block(Block::bordered())
                    .wrap(Wrap { trim: true }),
                a,
            );
            frame.render_widget(
                Paragraph::new(right.as_str())
                    .block(Block::bordered())
                    .wrap(Wrap { trim: true }),
                b,
            );
        })
        .expect("drawing into memory");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    print!("{out}");
}
