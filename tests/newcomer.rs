//! What a newcomer meets, in the real binary in a pseudo-terminal at the
//! sizes people use: the compare panel beside the claim, the authors'
//! stances beside one's own passages.

mod pty;

use pty::Session;

#[test]
fn the_compare_panel_shows_an_article_beside_the_claim_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut s = Session::start(
            &format!("compare-{width}"),
            &["--open", "manning-sun-2023,gabuev-2024,gurtov-2024", "--theme", "wedge"],
            width,
            height,
        );
        s.wait_text("theme: wedge");
        s.key("c");
        s.wait_text("Claim: Washington can pry");
        let screen = s.wait_text("+ supports Manning and Sun");
        assert!(screen.contains("J/K or the wheel"), "{screen}");
        s.key("J");
        s.wait_text("x opposes Gabuev tells");
        s.key("q");
        assert!(s.wait_exit().success());
    }
}

#[test]
fn your_passage_on_a_theme_shows_beside_the_authors_stance_in_the_matrix_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let data = pty::state_dir(&format!("beside-{width}"));
        let mut command = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        command.args(["--open", "gabuev-2024,manning-sun-2023"]);
        command.env("XDG_DATA_HOME", &data);
        let mut s = Session::start_command(&format!("beside-{width}"), command, width, height);
        pty::tag_a_gabuev_sentence(&mut s, "ostentatious rapprochement");
        s.key("The wedge: can");
        s.key("\r");
        s.wait_text("The stance toward the claim, one key");
        s.key("~");
        s.key("An early view he reports.");
        s.key("\r");
        s.wait_text("Placed on “The wedge");
        s.key("m");
        let screen = s.wait_text("Stance matrix");
        let row = screen
            .lines()
            .find(|l| l.contains("│The wedge:"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(row.contains("x~✎"), "{width}x{height}: {row}");
        s.key("\u{1b}");
        s.wait_for("the matrix closed", |screen| !screen.contains("Stance matrix"));
        s.key("q");
        assert!(s.wait_exit().success());
    }
}

#[test]
fn help_and_the_timeline_fit_the_terminal_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut s = Session::start(
            &format!("fit-{width}"),
            &["--open", "manning-sun-2023,gabuev-2024"],
            width,
            height,
        );
        s.wait_text("pane 1 of 2");
        s.key("?");
        // A description longer than the window wraps whole under its column.
        let screen = s.wait_text("What the marks mean");
        // The window's text: what stands between its borders, line by line.
        let text = screen
            .lines()
            .filter_map(|l| {
                let inner: Vec<&str> = l.split('│').collect();
                (inner.len() > 3).then(|| inner[2].to_string())
            })
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("a fact the authors share, not a point they dispute (d skips it)"),
            "{screen}"
        );
        assert!(screen.contains("↓"), "a mark says there is more below: {screen}");
        s.key("\u{1b}");
        s.wait_for("help closed", |screen| !screen.contains("What the marks mean"));
        // The timeline at its last row: full, the rows above shown, a mark for them.
        s.key("T");
        s.wait_text("Timeline:");
        s.key("G");
        let screen = s.wait_text("9 June 2024");
        let rows: Vec<&str> = screen.lines().collect();
        let top = rows.iter().position(|r| r.contains("┌ Timeline:")).unwrap();
        let bottom = top + 1 + rows[top + 1..].iter().position(|r| r.contains("└─")).unwrap();
        let blank = rows[top + 1..bottom]
            .iter()
            .filter(|r| r.trim_matches(|c: char| c == '│' || c.is_whitespace()).is_empty())
            .count();
        // Scrolled: full, with a mark for the rows above; else it all fits.
        let scrolled = rows[bottom].contains('↑');
        assert_eq!(scrolled, height == 24, "{width}x{height}: {screen}");
        if scrolled {
            assert_eq!(blank, 0, "{width}x{height}: blank rows in the timeline: {screen}");
        }
        s.key("\u{1b}");
        s.key("q");
        assert!(s.wait_exit().success());
    }
}

#[test]
fn a_panes_header_says_the_whole_position_at_120x40_and_cuts_it_with_a_mark_at_80x24() {
    for (width, height, whole) in [(120, 40, true), (80, 24, false)] {
        let mut s = Session::start(
            &format!("header-{width}"),
            &["--open", "manning-sun-2023,gabuev-2024", "--theme", "wedge"],
            width,
            height,
        );
        let screen = s.wait_text("x opposes · Gabuev tells");
        let pane: String = screen
            .lines()
            .take(8)
            .map(|l| {
                l.split('│')
                    .filter(|c| !c.is_empty())
                    .nth(2)
                    .unwrap_or("")
                    .trim()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(pane.contains("that they can split the two."), whole, "{pane}");
        let summary = pane.split("x opposes · ").nth(1).unwrap_or_default();
        let summary = summary.split("xTo come").next().unwrap_or_default();
        assert_eq!(summary.contains('…'), !whole, "{summary}");
        s.key("q");
        assert!(s.wait_exit().success());
    }
}
