//! The search relevance set: `tests/fixtures/search-relevance.json` lists posts of a bilingual
//! group and, per query, every post a neighbour expects it to find. Names of categories and
//! areas come from the real message catalogue, as on the board screen.

use circle::i18n::{search_labels, search_languages, Lang};
use circle::model::{
    Board, BoardFilter, DeviceId, GroupConfig, Post, PostDraft, PostKind, RecordId, Stamp, Urgency,
};
use serde::Deserialize;

const SET: &str = include_str!("fixtures/search-relevance.json");

#[derive(Deserialize)]
struct Set {
    config: GroupConfig,
    posts: Vec<Row>,
    queries: Vec<Query>,
}

#[derive(Deserialize)]
struct Row {
    id: u64,
    kind: PostKind,
    category: String,
    area: String,
    title: String,
    details: String,
}

#[derive(Deserialize)]
struct Query {
    lang: String,
    query: String,
    hits: Vec<u64>,
}

fn board(rows: &[Row]) -> Board {
    let mut board = Board::default();
    for row in rows {
        let draft = PostDraft {
            kind: row.kind,
            title: row.title.clone(),
            category: row.category.clone(),
            area: row.area.clone(),
            contact: None,
            details: row.details.clone(),
            urgency: Urgency::Anytime,
            quantity: None,
            author: "neighbour".into(),
            languages: Vec::new(),
            until: None,
            recurring: false,
            private_note: String::new(),
        };
        board.add_post(Post::create(
            RecordId(row.id),
            draft,
            Stamp::new(row.id, 0, DeviceId(1)),
        ));
    }
    board
}

#[test]
fn every_query_finds_exactly_its_expected_posts() {
    let set: Set = serde_json::from_str(SET).expect("the relevance set reads");
    let board = board(&set.posts);
    assert_eq!(board.posts().count(), set.posts.len());
    let mut wrong = Vec::new();
    for query in &set.queries {
        let lang = Lang::from_tag(&query.lang).expect("a language Circle ships");
        let labels = search_labels(&set.config, &search_languages(lang, &set.config));
        let filter = BoardFilter {
            text: query.query.clone(),
            ..BoardFilter::default()
        };
        let mut found: Vec<u64> = board
            .filter_with(&filter, &labels)
            .iter()
            .map(|post| post.id.0)
            .collect();
        found.sort_unstable();
        if found != query.hits {
            wrong.push(format!(
                "{} {:?}: found {found:?}, expected {:?}",
                query.lang, query.query, query.hits
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert!(set.queries.len() >= 30);
}
