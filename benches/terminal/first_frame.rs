//! The first frame: from the start until the screen is drawn, beside
//! `less` and the bundled articles.

use std::path::Path;
use std::time::Duration;

use crate::common::{Figures, installed, millis, ratio, run_whole};
use crate::pty::Running;
use crate::{DRAWN, LARGE, Libraries, PARALLAX, RUNS};

/// One row of first-frame starts: a program, its arguments, what its
/// screen shows once drawn, and whether its settings are kept between
/// starts (so that what it remembers is used).
struct Start<'a> {
    name: String,
    program: &'a str,
    args: Vec<String>,
    drawn: &'a dyn Fn(&str) -> bool,
    kept_home: bool,
}

pub(crate) fn first_frames(root: &Path, libraries: &Libraries) {
    let article = format!("{}/articles/gabuev-2024.md", env!("CARGO_MANIFEST_DIR"));
    let parallax_drawn = |screen: &str| screen.contains(DRAWN);
    // less's first screen ends with its prompt, the file's name.
    let less_drawn = |screen: &str| screen.lines().last().is_some_and(|l| l.contains("gabuev-2024.md"));
    let folder = |dir: &Path| vec!["--articles".to_string(), dir.display().to_string()];
    let open = |dir: &Path| {
        let mut args = folder(dir);
        args.extend(["--open".to_string(), "gurtov-2024,manning-sun-2023".to_string()]);
        args
    };
    let reader = |name: String, args: Vec<String>, kept_home: bool| Start {
        name,
        program: PARALLAX,
        args,
        drawn: &parallax_drawn,
        kept_home,
    };
    let mut starts = vec![
        Start {
            name: "less, one bundled article".into(),
            program: "less",
            args: vec![article],
            drawn: &less_drawn,
            kept_home: false,
        },
        reader("bundled (5 articles)".into(), vec![], false),
        reader(
            format!("{LARGE} articles named ID.md"),
            folder(&libraries.copies),
            false,
        ),
        reader(
            "500 named otherwise, first start".into(),
            open(&libraries.renamed_small),
            false,
        ),
        reader(
            format!("{LARGE} named otherwise, first start"),
            open(&libraries.renamed),
            false,
        ),
        reader(
            format!("{LARGE} named otherwise, later starts"),
            open(&libraries.renamed),
            true,
        ),
    ];
    if !installed("less") {
        println!("less is not installed (apt-get install less): the first row is left out");
        starts.remove(0);
    }
    // Later starts meet a library read whole once (as `check` reads it),
    // which remembers which file holds which article.
    for (row, start) in starts.iter().enumerate().filter(|(_, s)| s.kept_home) {
        let mut args = start.args.clone();
        args.truncate(2);
        args.insert(0, "check".into());
        run_whole(PARALLAX, &args, &root.join(format!("home-kept-{row}")));
    }
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); starts.len()];
    for run in 0..RUNS {
        for (row, start) in starts.iter().enumerate() {
            let home = match start.kept_home {
                true => root.join(format!("home-kept-{row}")),
                false => root.join(format!("home-{row}-{run}")),
            };
            let args: Vec<&str> = start.args.iter().map(String::as_str).collect();
            let running = Running::spawn(start.program, &args, &home);
            let drawn = running.wait_for(start.drawn);
            let began = running.began;
            running.quit(&[b"q"]);
            samples[row].push(drawn - began);
            if !start.kept_home {
                let _ = std::fs::remove_dir_all(&home);
            }
        }
    }
    println!("first frame, from the start until the screen is drawn, median of {RUNS} interleaved starts:");
    let medians: Vec<Duration> = samples.into_iter().map(|s| Figures::of(s).median).collect();
    let bundled = starts.iter().position(|s| s.name.starts_with("bundled")).unwrap();
    for (start, median) in starts.iter().zip(&medians) {
        let against = match start.program {
            "less" => String::new(),
            _ if start.name.starts_with("bundled") => match starts[0].program {
                "less" => format!("{:.2}x less (target: within 2x)", ratio(*median, medians[0])),
                _ => String::new(),
            },
            _ => format!(
                "{:.2}x the bundled (target: within 2x)",
                ratio(*median, medians[bundled])
            ),
        };
        println!("  {:<44} {:>9} {against}", start.name, millis(*median));
    }
    println!();
}
