//! Extraction cost per article, on one core.
//!
//! The articles (benches/articles.jsonl) are synthetic ~6 KB wire stories
//! written by bench/corpus.py, the generator the import benchmark uses, so
//! the figures here and in `bench/bench.py` describe the same text. Run with
//! `cargo bench --bench extract`; throughput is reported in bytes of text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use newsfacts::extract::text::Text;
use newsfacts::extract::{actors, casualties, extract, locations, metadata, statements};
use newsfacts::ingest::Document;

fn articles() -> Vec<Document> {
    include_str!("articles.jsonl")
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("bench article");
            Document {
                source_path: "bench.jsonl".into(),
                text: record["text"].as_str().expect("text field").to_string(),
                ..Document::default()
            }
        })
        .collect()
}

fn per_article(c: &mut Criterion) {
    let docs = articles();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Warm the lexicons and regexes so the first sample does not pay for them.
    extract(&docs[0]);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes((bytes / docs.len()) as u64));
    let mut next = docs.iter().cycle();
    group.bench_function("one ~6 KB article", |b| {
        b.iter(|| extract(std::hint::black_box(next.next().unwrap())))
    });
    group.finish();
}

/// Each stage alone, on the same articles, with its inputs prepared outside
/// the timed loop: `cargo bench --bench extract -- stage/actors`.
fn per_stage(c: &mut Criterion) {
    let prepared: Vec<_> = articles()
        .iter()
        .map(|doc| {
            let article = metadata::article(doc);
            let text = Text::new(&article.body);
            let actors = actors::extract(&text);
            let locations = locations::extract(&text, &actors);
            (article.body, actors, locations)
        })
        .collect();
    let mut group = c.benchmark_group("stage");
    let mut next = prepared.iter().cycle();
    group.bench_function("actors", |b| {
        b.iter(|| actors::extract(&Text::new(&next.next().unwrap().0)))
    });
    group.bench_function("locations", |b| {
        b.iter(|| {
            let (body, actors, _) = next.next().unwrap();
            locations::extract(&Text::new(body), actors)
        })
    });
    group.bench_function("statements", |b| {
        b.iter(|| {
            let (body, actors, locations) = next.next().unwrap();
            statements::extract(&Text::new(body), &mut actors.clone(), locations)
        })
    });
    group.bench_function("casualties", |b| {
        b.iter(|| {
            let (body, actors, locations) = next.next().unwrap();
            casualties::extract(&Text::new(body), actors, locations)
        })
    });
    group.finish();
}

criterion_group!(benches, per_article, per_stage);
criterion_main!(benches);
