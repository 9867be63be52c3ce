//! The bundled corpus: every article loads, with the metadata of SOURCES.md.

use parallax::corpus::{self, BlockKind, Form, Role, TitleSource};

#[test]
fn bundled_articles_load_without_problems() {
    let loaded = corpus::load(&corpus::bundled_sources());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ids: Vec<&str> = loaded.corpus.ids().collect();
    assert_eq!(
        ids,
        [
            "yun-sun-2022",
            "manning-sun-2023",
            "gabuev-2024",
            "glantz-freeman-2024",
            "gurtov-2024"
        ]
    );
}

#[test]
fn every_file_in_the_articles_folder_is_bundled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let files = corpus::read_folder(&dir, u64::MAX).unwrap();
    assert!(files.diagnostics.is_empty(), "{:?}", files.diagnostics);
    let on_disk: Vec<Vec<u8>> = files.articles.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bundled = corpus::bundled_sources();
    assert_eq!(on_disk.len(), bundled.len());
    for (disk, embedded) in on_disk.iter().zip(&bundled) {
        assert_eq!(
            disk.as_slice(),
            &*embedded.bytes,
            "{} differs from the bundled copy",
            embedded.name
        );
    }
}

struct Expected {
    id: &'static str,
    outlet: &'static str,
    authors: &'static [(&'static str, Role)],
    published: &'static str,
    precision: &'static str,
    form: Form,
    title_source: TitleSource,
    title: &'static str,
}

const EXPECTED: &[Expected] = &[
    Expected {
        id: "gurtov-2024",
        outlet: "The Asia-Pacific Journal: Japan Focus",
        authors: &[("Mel Gurtov", Role::Author)],
        published: "2024-06-09",
        precision: "day",
        form: Form::Analysis,
        title_source: TitleSource::Source,
        title: "The China-Russia Partnership and U.S. Policy Options",
    },
    Expected {
        id: "yun-sun-2022",
        outlet: "Grid",
        authors: &[("Lili Pike", Role::Interviewer), ("Yun Sun", Role::Interviewee)],
        published: "2022-09",
        precision: "month",
        form: Form::Interview,
        title_source: TitleSource::Source,
        title: "What the U.S. gets wrong about China’s relationship with Russia",
    },
    Expected {
        id: "glantz-freeman-2024",
        outlet: "United States Institute of Peace (USIP)",
        authors: &[("Mary Glantz", Role::Author), ("Carla Freeman", Role::Author)],
        published: "2024-05",
        precision: "month",
        form: Form::QuestionAndAnswer,
        title_source: TitleSource::Supplied,
        title: "",
    },
    Expected {
        id: "manning-sun-2023",
        outlet: "Foreign Policy",
        authors: &[("Robert A. Manning", Role::Author), ("Yun Sun", Role::Author)],
        published: "2023",
        precision: "year",
        form: Form::Essay,
        title_source: TitleSource::Source,
        title: "Washington Is Missing a Chance to Turn China Against Russia",
    },
    Expected {
        id: "gabuev-2024",
        outlet: "Foreign Affairs",
        authors: &[("Alexander Gabuev", Role::Author)],
        published: "2024-04",
        precision: "month",
        form: Form::Essay,
        title_source: TitleSource::Source,
        title: "Putin and Xi’s Unholy Alliance: Why the West Won’t Be Able to Drive a Wedge Between Russia and China",
    },
];

#[test]
fn metadata_matches_the_sources() {
    let loaded = corpus::load(&corpus::bundled_sources());
    for expected in EXPECTED {
        let meta = &loaded.corpus.get(expected.id).unwrap().meta;
        assert_eq!(meta.outlet, expected.outlet, "{}", expected.id);
        let authors: Vec<(&str, Role)> = meta.authors.iter().map(|a| (a.name.as_str(), a.role)).collect();
        assert_eq!(authors, expected.authors, "{}", expected.id);
        let published = meta.published.expect("the bundled articles are dated");
        assert_eq!(published.iso(), expected.published, "{}", expected.id);
        assert_eq!(published.precision(), expected.precision, "{}", expected.id);
        assert_eq!(meta.form, Some(expected.form), "{}", expected.id);
        assert_eq!(meta.title_source, expected.title_source, "{}", expected.id);
        if !expected.title.is_empty() {
            assert_eq!(meta.title, expected.title, "{}", expected.id);
        }
        if published.precision() != "day" {
            assert!(
                meta.published_note.is_some(),
                "{}: an uncertain date says how sure it is",
                expected.id
            );
        }
    }
}

#[test]
fn interview_turns_carry_their_speakers() {
    let loaded = corpus::load(&corpus::bundled_sources());
    let article = loaded.corpus.get("yun-sun-2022").unwrap();
    let turns: Vec<(&str, usize)> = article
        .blocks
        .iter()
        .filter_map(|b| Some((b.turn_label()?, b.speaker()?)))
        .collect();
    assert_eq!(turns[0], ("Grid", 0));
    assert_eq!(turns[1], ("Yun Sun", 1));
    assert!(turns.contains(&("YS", 1)) && turns.contains(&("G", 0)));
    // A paragraph that continues an answer belongs to the same speaker.
    let next = article
        .blocks
        .iter()
        .position(|b| b.turn_label() == Some("Yun Sun"))
        .unwrap()
        + 1;
    assert_eq!(article.blocks[next].turn_label(), None);
    assert_eq!(article.blocks[next].speaker(), Some(1));
    assert!(article.blocks[next].text.starts_with("Then in terms of Central Asia"));

    let usip = loaded.corpus.get("glantz-freeman-2024").unwrap();
    let headings = usip
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .count();
    assert_eq!(headings, 4, "key takeaways and three questions");
}

fn path_of(bundled_name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(bundled_name)
}

#[test]
fn blocks_have_stable_ids_lines_and_sentences() {
    let loaded = corpus::load(&corpus::bundled_sources());
    for article in loaded.corpus.articles() {
        let mut ids = std::collections::HashSet::new();
        for (b, block) in article.blocks.iter().enumerate() {
            // Its words are a range of its article's text, no other block's.
            assert_eq!(&article.text()[block.text.range()], &*block.text);
            assert_eq!(article.block_at(block.text.range().start), Some(corpus::BlockIx(b)));
            assert!(
                ids.insert(block.id.clone()),
                "{}: duplicate block id {}",
                article.meta.id,
                block.id
            );
            let source =
                parallax::sanitize::clean(&String::from_utf8(std::fs::read(path_of(&article.file)).unwrap()).unwrap());
            let first_word = block.text.split_whitespace().next().unwrap();
            let line = source.lines().nth(block.line as usize - 1).unwrap();
            assert!(
                line.contains(first_word),
                "{} {}: line {} does not hold its first word {first_word:?}: {line:?}",
                article.meta.id,
                block.id,
                block.line
            );
            assert!(!block.sentences().is_empty());
            for s in block.sentences() {
                assert!(block.text.is_char_boundary(s.start) && block.text.is_char_boundary(s.end));
            }
        }
    }
    let gabuev = loaded.corpus.get("gabuev-2024").unwrap();
    let first = gabuev.blocks.iter().find(|b| b.id == "p1").unwrap();
    assert!(first.text.starts_with("Just a decade ago"));
    assert_eq!(
        &first.text[first.sentences()[1].clone()],
        "The thinking in Western capitals was that the Kremlin’s ostentatious rapprochement with China since 2014 was doomed to fail because ties between the two Eurasian giants would always be undercut by the growing power asymmetry in China’s favor, the lingering mistrust between the two neighbors over a number of historical disputes, and the cultural distance between the two societies and between their elites."
    );
}
