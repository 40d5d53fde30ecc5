//! Extraction cost per article, on one core.
//!
//! The articles (benches/articles.jsonl) are synthetic ~6 KB wire stories
//! written by bench/corpus.py, the generator the import benchmark uses, so
//! the figures here and in `bench/bench.py` describe the same text. Run with
//! `cargo bench --bench extract`; throughput is reported in bytes of text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use newsfacts::extract::extract;
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

criterion_group!(benches, per_article);
criterion_main!(benches);
