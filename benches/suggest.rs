//! Suggested passages, measured: for each bundled article in turn, its own
//! passages hidden, the share of (theme, article) cells whose true passage
//! is among the first five and ten suggestions, for the claim alone and for
//! the query the map teaches; and the time to rank an article's sentences.

use std::time::Instant;

use parallax::suggest::{Rarity, Suggester, Weights, recall};

fn main() {
    let corpus = parallax::corpus::load(&parallax::corpus::bundled_sources()).corpus;
    let (map, _) = parallax::debate::load(&corpus, &parallax::corpus::bundled_maps());
    println!("suggested passages, bundled articles (each article's passages hidden in turn):");
    println!("  {:<44} {:>10} {:>10}", "query", "recall@5", "recall@10");
    for (name, weights) in [
        ("claim alone", Weights::CLAIM_ONLY),
        (
            "title and claim",
            Weights {
                title: 1.0,
                claim: 2.0,
                examples: 0.0,
                context: 0.2,
            },
        ),
        ("title, claim and the map's passages (default)", Weights::DEFAULT),
    ] {
        let (found, cells) = recall(&corpus, &map, weights, &[5, 10]);
        println!("  {name:<44} {:>10.2} {:>10.2}   ({cells} cells)", found[0], found[1]);
    }
    let started = Instant::now();
    let rarity = Rarity::of(&corpus);
    let rarity_took = started.elapsed();
    let started = Instant::now();
    let mut ranked = 0;
    for article in corpus.indices() {
        let suggester = Suggester::new(&corpus, &rarity, article);
        for theme in &map.themes {
            ranked += suggester.rank(theme, Weights::DEFAULT, 10, &[]).len();
        }
    }
    println!(
        "  word rarity over the corpus {:.1} ms; every article ranked for every theme {:.1} ms ({ranked} suggestions)",
        rarity_took.as_secs_f64() * 1000.0,
        started.elapsed().as_secs_f64() * 1000.0
    );
}
