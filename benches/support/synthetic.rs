//! A synthetic corpus for measurement: articles of prose whose word
//! frequencies are those of the bundled texts, paragraphs of 40-250 words,
//! a few non-Latin names, and a debate map of anchored themes. Generated on
//! demand, never committed.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (xorshift64*), so runs compare.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const NAMES: &[&str] = &[
    "Алексей Навальный",
    "習近平",
    "Zoë Brontë",
    "Jürgen Müller",
    "Nguyễn Văn An",
    "Ἀλέξανδρος",
];

/// The words of the bundled articles, each as often as it occurs there.
pub fn vocabulary() -> Vec<String> {
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    corpus
        .articles()
        .iter()
        .flat_map(|a| a.blocks.iter())
        .flat_map(|b| b.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn sentence(rng: &mut Rng, words: &[String], length: usize) -> String {
    let mut out = String::new();
    for i in 0..length {
        let word: &str = if rng.below(400) == 0 {
            NAMES[rng.below(NAMES.len())]
        } else {
            &words[rng.below(words.len())]
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
    out
}

/// Writes `articles` articles of about `words_per_article` words to `dir`,
/// with `debate.toml` holding `themes` themes anchored in them. Returns the
/// bytes written.
pub fn write_corpus(dir: &Path, articles: usize, words_per_article: usize, themes: usize, seed: u64) -> u64 {
    std::fs::create_dir_all(dir).expect("the folder can be made");
    let words = vocabulary();
    let mut rng = Rng::new(seed);
    let mut bytes = 0u64;
    // (article id, block id, quote) for the map.
    let mut quotable: Vec<(String, String, String)> = Vec::new();
    for a in 0..articles {
        let id = format!("synthetic-{a:04}");
        let mut text = format!(
            "+++\nid = \"{id}\"\ntitle = \"{}\"\noutlet = \"Synthetic Review\"\npublished = \"2024-{:02}\"\nform = \"essay\"\nsource = \"Generated for benchmarks.\"\n\n[[authors]]\nname = \"{}\"\n+++\n\n",
            sentence(&mut rng, &words, 6).trim_end_matches('.'),
            1 + a % 12,
            NAMES[a % NAMES.len()],
        );
        let (mut written, mut paragraph, mut heading) = (0, 0, 0);
        while written < words_per_article {
            if paragraph % 12 == 0 {
                heading += 1;
                let _ = writeln!(text, "## {}\n", sentence(&mut rng, &words, 4).trim_end_matches('.'));
            }
            let length = 40 + rng.below(211);
            let mut para = String::new();
            let mut left = length;
            while left > 0 {
                let n = left.min(8 + rng.below(23));
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(&sentence(&mut rng, &words, n));
                left -= n;
            }
            paragraph += 1;
            if quotable.len() < themes * 3 && rng.below(articles.max(1) * 3) < themes * 3 {
                let quote: Vec<&str> = para.split(' ').skip(3).take(7).collect();
                quotable.push((id.clone(), format!("p{paragraph}"), quote.join(" ")));
            }
            let _ = writeln!(text, "{para}\n");
            written += length;
        }
        let _ = heading;
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("{id}.md")), text).expect("the article can be written");
    }
    let mut map = String::from("question = \"A synthetic debate\"\n");
    for t in 0..themes {
        let _ = write!(
            map,
            "\n[[themes]]\nid = \"theme-{t}\"\ntitle = \"Theme {t}\"\nclaim = \"Claim {t}.\"\n"
        );
        for (article, block, quote) in quotable.iter().skip(t * 2).take(2) {
            let stance = ["supports", "opposes", "qualifies", "reports"][rng.below(4)];
            let quote = quote.replace('\\', "\\\\").replace('"', "\\\"");
            let _ = write!(
                map,
                "\n[[themes.passages]]\narticle = \"{article}\"\nquote = \"{quote}\"\nnear = \"{block}\"\nstance = \"{stance}\"\nsummary = \"A summary.\"\n"
            );
        }
    }
    bytes += map.len() as u64;
    std::fs::write(dir.join("debate.toml"), map).expect("the map can be written");
    bytes
}
