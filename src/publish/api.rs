//! The JSON files of the static API (version 1, described in `docs/api.md` and by the schemas
//! in `api/schemas/v1/`): `index.json` says what the group is and links the others,
//! `posts.json` and `resources.json` list what is open now, newest first, in plain values a
//! tool reads without knowing Circle's merge stamps. All are made from the redacted board, so
//! they hold nothing a public reader may not see. `index.json` is written pretty; the lists
//! one record a line. Both end with a newline, so a diff of two publications is readable.

use crate::i18n::{Lang, Msg};
use crate::model::config::Choice;
pub use crate::model::day::rfc3339;
use crate::model::{
    contact_value, Board, Condition, ContactMethod, Day, GroupConfig, Post, PostKind, RecordId,
    Resource, ResourceKind, Status, Stock, Urgency,
};
use serde::Serialize;
use std::io::Write;

/// The version of the API these files are: the `v1` in their paths and their `api` field.
pub const API_VERSION: u32 = 1;

/// The committed schemas, published beside the files they describe.
pub const SCHEMAS: [(&str, &str); 4] = [
    (
        "index.schema.json",
        include_str!("../../api/schemas/v1/index.schema.json"),
    ),
    (
        "board.schema.json",
        include_str!("../../api/schemas/v1/board.schema.json"),
    ),
    (
        "posts.schema.json",
        include_str!("../../api/schemas/v1/posts.schema.json"),
    ),
    (
        "resources.schema.json",
        include_str!("../../api/schemas/v1/resources.schema.json"),
    ),
];

/// What the files are made from.
pub struct View<'a> {
    /// Redacted for the public.
    pub board: &'a Board,
    pub config: &'a GroupConfig,
    pub published_ms: u64,
    /// The app's address, ending in `/`; links are relative to the file without it.
    pub site_url: Option<&'a str>,
}

fn pretty<T: Serialize>(value: &T) -> String {
    // Plain structs, strings and numbers: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

impl View<'_> {
    /// Where the app is, seen from a file in `api/v1/`.
    fn app(&self) -> String {
        self.site_url
            .map_or_else(|| "../../".to_string(), str::to_string)
    }

    /// The app's page for one post.
    pub fn post_link(&self, id: RecordId) -> String {
        format!("{}post/{id}", self.app())
    }

    /// Open posts, newest first.
    pub fn open_posts(&self) -> Vec<&Post> {
        let mut posts: Vec<&Post> = self
            .board
            .posts()
            .filter(|post| post.current_status() == Status::Open)
            .collect();
        posts.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
        posts
    }

    /// Places still there (not reported gone), most recently checked first.
    pub fn open_resources(&self) -> Vec<&Resource> {
        let mut resources: Vec<&Resource> = self
            .board
            .resources()
            .filter(|resource| {
                resource
                    .latest_report()
                    .is_none_or(|report| report.condition != Some(Condition::Gone))
            })
            .collect();
        resources.sort_by(|a, b| {
            updated(b)
                .cmp(&updated(a))
                .then(a.name.value.cmp(&b.name.value))
                .then(a.id.cmp(&b.id))
        });
        resources
    }

    pub fn posts(&self) -> String {
        let posts: Vec<PostView> = self
            .open_posts()
            .into_iter()
            .map(|post| self.post_view(post))
            .collect();
        self.listing("posts", &posts)
    }

    pub fn resources(&self) -> String {
        let resources: Vec<ResourceView> = self
            .open_resources()
            .into_iter()
            .map(resource_view)
            .collect();
        self.listing("resources", &resources)
    }

    /// A list file: `api`, `published` and `count`, then the list under `key` with one record
    /// a line, so a diff of two publications shows each record that changed as one line, and
    /// 10,000 posts take no more room than they need.
    fn listing<T: Serialize>(&self, key: &str, items: &[T]) -> String {
        let mut out = Vec::with_capacity(items.len() * 512 + 128);
        let _ = write!(
            out,
            "{{\"api\":{API_VERSION},\"published\":\"{}\",\"count\":{},\"{key}\":[",
            rfc3339(self.published_ms),
            items.len()
        );
        for (n, item) in items.iter().enumerate() {
            out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
            // Plain structs, strings and numbers: serializing cannot fail.
            let _ = serde_json::to_writer(&mut out, item);
        }
        out.extend_from_slice(b"\n]}\n");
        String::from_utf8(out).unwrap_or_default()
    }

    pub fn index(&self) -> String {
        let languages: Vec<Lang> = self
            .config
            .languages
            .iter()
            .filter_map(|code| Lang::from_tag(code))
            .collect();
        let choices = |choices: &[Choice], builtin: fn(&str) -> Option<Msg>| -> Vec<ChoiceView> {
            choices
                .iter()
                .map(|choice| ChoiceView {
                    key: choice.key.clone(),
                    label: if choice.label.is_empty() {
                        builtin(&choice.key)
                            .map(|msg| {
                                languages
                                    .iter()
                                    .map(|lang| {
                                        (lang.code().to_string(), lang.text(msg).to_string())
                                    })
                                    .collect()
                            })
                            .unwrap_or_default()
                    } else {
                        choice.label.clone().into_iter().collect()
                    },
                })
                .collect()
        };
        pretty(&IndexFile {
            api: API_VERSION,
            published: rfc3339(self.published_ms),
            group: GroupView {
                name: self.config.name.clone(),
                languages: self.config.languages.clone(),
                areas: choices(&self.config.areas, |_| None),
                categories: choices(&self.config.categories, Msg::category),
            },
            app: self.app(),
            html: self.site_url.map_or_else(
                || format!("../../{}", super::html::FILE),
                |site| format!("{site}{}", super::html::FILE),
            ),
            files: Files {
                board: "board.json",
                posts: "posts.json",
                resources: "resources.json",
            },
            schemas: Files {
                board: "../schemas/v1/board.schema.json",
                posts: "../schemas/v1/posts.schema.json",
                resources: "../schemas/v1/resources.schema.json",
            },
            counts: Counts {
                open_posts: self.open_posts().len(),
                open_resources: self.open_resources().len(),
                board_posts: self.board.posts().count(),
            },
        })
    }

    fn post_view<'p>(&self, post: &'p Post) -> PostView<'p> {
        let contact = post.contact.value.as_ref().map(|contact| ContactView {
            method: contact.method,
            value: &contact.value,
            link: contact_value::href(contact, self.config.phone_country_code),
        });
        PostView {
            id: post.id,
            kind: post.kind,
            title: &post.title.value,
            details: &post.details.value,
            category: &post.category.value,
            area: &post.area.value,
            urgency: post.urgency.value,
            quantity: post.quantity.value,
            languages: &post.languages.value,
            until: post.until.value,
            recurring: post.recurring.value,
            status: post.current_status(),
            posted: rfc3339(post.created.ms),
            updated: rfc3339(post.revision().ms),
            author: &post.author,
            author_key: post.seal.as_ref().map(|seal| seal.seal.key.to_string()),
            contact,
            responses: post.responses.len(),
            link: self.post_link(post.id),
        }
    }
}

/// When a place was last checked: its newest report, else its own date (0 when the sheet
/// gave none).
fn updated(resource: &Resource) -> u64 {
    resource
        .latest_report()
        .map_or(resource.created.ms, |report| report.at.ms)
        .max(resource.created.ms)
}

fn resource_view(resource: &Resource) -> ResourceView<'_> {
    let report = resource.latest_report();
    ResourceView {
        id: resource.id,
        kind: resource.kind.value,
        name: &resource.name.value,
        area: &resource.area.value,
        hours: &resource.hours.value,
        accepts: &resource.accepts.value,
        needs: &resource.needs.value,
        serves: &resource.serves.value,
        languages: &resource.languages.value,
        contact: resource.contact.value.as_ref().map(|contact| ContactView {
            method: contact.method,
            value: &contact.value,
            link: contact_value::href(contact, None),
        }),
        updated: Some(updated(resource)).filter(|ms| *ms > 0).map(rfc3339),
        report: report.map(|report| ReportView {
            at: Some(report.at.ms).filter(|ms| *ms > 0).map(rfc3339),
            stock: report.stock,
            condition: report.condition,
            note: &report.note,
        }),
        reports: resource.reports.len(),
    }
}

#[derive(Serialize)]
struct IndexFile {
    api: u32,
    published: String,
    group: GroupView,
    app: String,
    html: String,
    files: Files,
    schemas: Files,
    counts: Counts,
}

#[derive(Serialize)]
struct GroupView {
    name: String,
    languages: Vec<String>,
    areas: Vec<ChoiceView>,
    categories: Vec<ChoiceView>,
}

#[derive(Serialize)]
struct ChoiceView {
    key: String,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    label: std::collections::BTreeMap<String, String>,
}

#[derive(Serialize)]
struct Files {
    board: &'static str,
    posts: &'static str,
    resources: &'static str,
}

#[derive(Serialize)]
struct Counts {
    open_posts: usize,
    open_resources: usize,
    board_posts: usize,
}

#[derive(Serialize)]
struct ContactView<'a> {
    method: ContactMethod,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<String>,
}

#[derive(Serialize)]
struct PostView<'a> {
    id: RecordId,
    kind: PostKind,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    details: &'a str,
    category: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    area: &'a str,
    urgency: Urgency,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<u32>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<Day>,
    recurring: bool,
    status: Status,
    posted: String,
    updated: String,
    author: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<ContactView<'a>>,
    responses: usize,
    link: String,
}

#[derive(Serialize)]
struct ReportView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stock: Option<Stock>,
    #[serde(skip_serializing_if = "Option::is_none")]
    condition: Option<Condition>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

#[derive(Serialize)]
struct ResourceView<'a> {
    id: RecordId,
    kind: ResourceKind,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    area: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    hours: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    accepts: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    needs: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    serves: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<ContactView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ReportView<'a>>,
    reports: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_written_in_utc_to_the_second() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_710_407_112_999), "2024-03-14T09:05:12Z");
    }
}
