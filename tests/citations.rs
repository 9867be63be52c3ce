//! Citations that leave the terminal: the articles as CSL-JSON and the
//! Markdown export's Pandoc citations, rendered by Pandoc's citeproc (the
//! real reader of both; `.ci/run` installs Debian's `pandoc`).

use std::process::Command;

fn parallax(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("parallax-citations-no-own-map"),
        )
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn pandoc_renders_the_markdown_exports_citations_with_the_csl_bibliography() {
    let dir = std::env::temp_dir().join(format!("parallax-citations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let refs = dir.join("refs.json");
    let doc = dir.join("kissinger.md");
    std::fs::write(&refs, parallax(&["export", "--format", "csl"])).unwrap();
    std::fs::write(
        &doc,
        parallax(&["export", "--theme", "kissinger", "--citations", "pandoc"]),
    )
    .unwrap();
    let out = Command::new("pandoc")
        .arg("--citeproc")
        .arg("--bibliography")
        .arg(&refs)
        .args(["-t", "plain", "--wrap=none"])
        .arg(&doc)
        .output()
        .expect("pandoc is installed (.ci/run installs it)");
    let rendered = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(rendered.contains("(Gabuev 2024, para. 23)"), "{rendered}");
    assert!(rendered.contains("(Manning and Sun 2023, para. 13)"), "{rendered}");
    // The bibliography at the end names the authors, title and outlet.
    assert!(rendered.contains("Gabuev, Alexander. 2024."), "{rendered}");
    assert!(rendered.contains("Foreign Affairs"), "{rendered}");
    assert!(!rendered.contains("[@"), "every citation resolved: {rendered}");
}
