//! The board page's first view: the group's open posts written into the app's own page
//! (`index.html`) as plain HTML, so a phone on a slow network paints the board at once instead
//! of "Loading…" while the app's WebAssembly downloads.
//!
//! The markup is the app's own, with its classes: the header, the board's title, intro, links
//! and filters, the count line and the first page of cards, listed by the filter the board
//! opens with ([`BoardFilter::on_opening`]). So when the app takes over the same space
//! (`src/ui/first_view.rs`) nothing moves. It is in the group's first language, made from the
//! redacted board (no contact is shown on a card anyway), and every text from a post is
//! escaped. Only real links can be tapped: a post, a new ask or the menu opens that screen of
//! the app even before it has started. The filters are inert and disabled, so nothing can be
//! typed into them and lost; the page's loading note floats over the board until the app is
//! there.
//!
//! `index.html` marks where it goes with slots (`<!-- circle:NAME -->…<!-- /circle:NAME -->`)
//! whose content is replaced, so publishing again replaces the last first view.

use super::api::View;
use super::html::escape;
use super::intl;
use crate::i18n::{fill, group_labels, Counted, Lang, Msg};
use crate::model::{BoardFilter, Post, PostKind, BOARD_PAGE};
use std::fmt::Write;

/// The app's page, under the output folder (the site's root).
pub const FILE: &str = "index.html";

/// `template` (the built app page) with the first view of the board in `lang`, or `None` when
/// the page has no slots for it (then it is left as it is).
pub fn page(template: &str, view: &View, lang: Lang) -> Option<String> {
    let page = fill_slot(template, "header", &header(view, lang))?;
    let page = fill_slot(&page, "board", &board(view, lang))?;
    Some(set_lang(&without_wasm_preload(&page), lang))
}

/// The page without the `<link rel="preload">` Trunk writes for the app's WebAssembly. With a
/// first view to paint, the app's download waits for that paint (`boot.js` starts it then):
/// on a slow network a preload would share the first moments with the page's own styles, and
/// the board a person can already read would wait on bytes it does not need yet.
fn without_wasm_preload(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[start..].find('>').map(|end| end + 1) else {
            break;
        };
        let tag = &rest[start..start + len];
        out.push_str(&rest[..start]);
        if !tag.contains("type=\"application/wasm\"") {
            out.push_str(tag);
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Replaces what is between `<!-- circle:NAME -->` and `<!-- /circle:NAME -->`.
fn fill_slot(page: &str, name: &str, content: &str) -> Option<String> {
    let open = format!("<!-- circle:{name} -->");
    let close = format!("<!-- /circle:{name} -->");
    let start = page.find(&open)? + open.len();
    let end = start + page[start..].find(&close)?;
    Some(format!("{}{content}{}", &page[..start], &page[end..]))
}

/// The page's `<html lang>` set to the language the first view is in (the app sets its own).
fn set_lang(page: &str, lang: Lang) -> String {
    const LANG: &str = "<html lang=\"";
    match page.find(LANG).map(|at| at + LANG.len()) {
        Some(start) => match page[start..].find('"') {
            Some(len) => format!("{}{}{}", &page[..start], lang.code(), &page[start + len..]),
            None => page.to_string(),
        },
        None => page.to_string(),
    }
}

/// The header's content, as `SiteHeader` draws it on the board: the group's name, its places,
/// and the menu with the board marked as the current screen.
fn header(view: &View, lang: Lang) -> String {
    let link = |href: &str, msg: Msg, current: bool| {
        let current = if current {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{href}\"{current}>{}</a>", escape(lang.text(msg)))
    };
    let menu: String = [
        ("./", Msg::NavBoard),
        ("new/ask", Msg::NavNewAsk),
        ("new/offer", Msg::NavNewOffer),
        ("mine", Msg::NavMine),
        ("share", Msg::NavShare),
        ("settings", Msg::NavSettings),
    ]
    .into_iter()
    .map(|(href, msg)| format!("<li>{}</li>", link(href, msg, href == "./")))
    .collect();
    format!(
        "<div class=\"brand-row\"><a class=\"brand\" href=\"./\">{name}</a>{places}</div>\
         <nav aria-label=\"{nav}\"><ul class=\"nav-list\">{menu}</ul></nav>",
        name = escape(&view.config.name),
        places = link("places", Msg::NavPlaces, false),
        nav = escape(lang.text(Msg::MainNav)),
    )
}

/// The board screen as `BoardPage` draws it when it opens, down to its first page of cards.
fn board(view: &View, lang: Lang) -> String {
    let text = |msg| escape(lang.text(msg));
    let mut page = String::new();
    let _ = write!(
        page,
        "<div class=\"first-board\">\n<h1>{title}</h1>\n<p class=\"intro\">{intro}</p>\n\
         <nav class=\"post-links\" aria-label=\"{links}\"><a class=\"button\" href=\"new/ask\">{ask}</a>\
         <a class=\"button\" href=\"new/offer\">{offer}</a></nav>\n\
         <search class=\"filters\" inert><div class=\"field\"><label>{search}</label>\
         <input type=\"search\" placeholder=\"{hint}\" disabled></div>\
         <div class=\"field\"><label>{kind}</label><select disabled><option>{any}</option></select></div>\
         <details class=\"more\"><summary>{filters}</summary></details></search>\n",
        title = text(Msg::BoardTitle),
        intro = text(Msg::BoardIntro),
        links = text(Msg::NewPostLinks),
        ask = text(Msg::NavNewAsk),
        offer = text(Msg::NavNewOffer),
        search = text(Msg::Search),
        hint = text(Msg::SearchHint),
        kind = text(Msg::FilterKind),
        any = text(Msg::AnyKind),
        filters = text(Msg::Filters),
    );
    let posts = view.board.filter(&BoardFilter::on_opening());
    if posts.is_empty() {
        let _ = writeln!(page, "<p class=\"empty\">{}</p>", text(Msg::BoardEmpty));
    } else {
        let _ = writeln!(
            page,
            "<p class=\"count-line\">{}</p>\n<ul class=\"post-list\" aria-label=\"{}\">",
            escape(&count_line(view, lang, posts.len())),
            text(Msg::PostList),
        );
        for post in posts.iter().take(BOARD_PAGE) {
            card(&mut page, view, lang, post);
        }
        page.push_str("</ul>\n");
        if posts.len() > BOARD_PAGE {
            // The rest are in the plain HTML board until the app is here to show them.
            let _ = writeln!(
                page,
                "<p><a class=\"button secondary\" href=\"{}\">{}</a></p>",
                super::html::FILE,
                text(Msg::ShowMore)
            );
        }
    }
    page.push_str("</div>\n");
    page
}

/// "15 open asks · Showing 30 of 33 posts", as `PostList` says it over the board's list.
fn count_line(view: &View, lang: Lang, total: usize) -> String {
    let asks = view.board.count(&BoardFilter::open_asks());
    let asks = fill(
        lang.counted(Counted::OpenAsks, asks as u64),
        &[("count", &intl::number(lang, asks))],
    );
    let shown = fill(
        lang.counted(Counted::Shown, total as u64),
        &[
            ("shown", &intl::number(lang, total.min(BOARD_PAGE))),
            ("count", &intl::number(lang, total)),
        ],
    );
    format!("{asks} · {shown}")
}

/// One card, as `PostCard` draws it: kind, status, the title linking to the post, category,
/// area, urgency and when it was posted.
fn card(page: &mut String, view: &View, lang: Lang, post: &Post) {
    let kind = match post.kind {
        PostKind::Ask => "kind kind-ask",
        PostKind::Offer => "kind kind-offer",
    };
    let area = if post.area.value.is_empty() {
        String::new()
    } else {
        format!(
            "<span dir=\"auto\">{}</span>",
            escape(&group_labels::area(view.config, lang, &post.area.value))
        )
    };
    let _ = writeln!(
        page,
        "<li><article class=\"post-card\"><p class=\"card-top\"><span class=\"{kind}\">{kind_label}</span>\
         <span class=\"status\">{status}</span></p><h2 class=\"card-title\"><a href=\"post/{id}\" dir=\"auto\">{title}</a></h2>\
         <p class=\"card-meta\"><span>{category}</span>{area}<span>{urgency}</span><span>{posted}</span></p></article></li>",
        kind_label = escape(lang.text(post.kind.into())),
        status = escape(lang.text(post.current_status().into())),
        id = post.id,
        title = escape(&post.title.value),
        category = escape(&group_labels::category(view.config, lang, &post.category.value)),
        urgency = escape(lang.text(post.urgency.value.into())),
        posted = escape(&intl::moment(lang, post.created.ms)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{board_with_posts, sample_draft, Board, DeviceId, GroupConfig, RecordId};
    use crate::model::{Stamp, Urgency};

    /// The slots as `index.html` has them, around the loading page's own content.
    const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\" dir=\"ltr\"><head>\
        <link rel=\"modulepreload\" href=\"/circle-1.js\">\
        <link rel=\"preload\" href=\"/circle-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">\
        <link rel=\"preload\" href=\"/font.woff2\" as=\"font\"></head><body>\
        <div id=\"circle-loading\" class=\"loading\"><header class=\"site-header\">\
        <!-- circle:header --><span class=\"brand\">Circle</span><!-- /circle:header --></header>\
        <main>\n<!-- circle:board --><!-- /circle:board -->\n<p class=\"loading-note\">Loading…</p>\
        </main></div></body></html>";

    fn config(json: &str) -> GroupConfig {
        GroupConfig::from_json(json).unwrap()
    }

    fn written(board: &Board, config: &GroupConfig, lang: Lang) -> String {
        let view = View {
            board,
            config,
            published_ms: 0,
            site_url: None,
        };
        page(TEMPLATE, &view, lang).expect("the template has both slots")
    }

    #[test]
    fn hostile_text_is_written_as_text() {
        let mut board = Board::default();
        let mut draft = sample_draft();
        draft.title = "<script>alert(\"x\")</script> & 'quotes'".into();
        draft.area = "\"><img src=x onerror=alert(1)>".into();
        board.add_post(Post::create(
            RecordId(7),
            draft,
            Stamp::new(1, 0, DeviceId(1)),
        ));
        let config = config(r#"{"name":"<b>Riverside</b> \"Aid\""}"#);
        let page = written(&board, &config, Lang::En);
        assert!(page
            .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(page.contains("&lt;b&gt;Riverside&lt;/b&gt; &quot;Aid&quot;"));
        assert!(!page.contains("<script>") && !page.contains("<img") && !page.contains("<b>"));
        // Only the page's own markup: no inline script or style for the CSP to refuse.
        assert!(!page.contains("style=") && !page.contains("onerror=alert(1)>"));
    }

    #[test]
    fn the_first_page_of_the_board_in_the_apps_order_with_real_links() {
        let mut board = board_with_posts(33);
        let mut urgent = sample_draft();
        urgent.title = "Insulin pick-up".into();
        urgent.urgency = Urgency::Today;
        board.add_post(Post::create(
            RecordId(99),
            urgent,
            Stamp::new(0, 0, DeviceId(1)),
        ));
        let page = written(&board, &config("{}"), Lang::En);
        // Most urgent first, as the app lists them, then 30 cards of 34, and the rest linked.
        let first = page.find("<li><article").unwrap();
        assert!(page[first..].starts_with("<li><article class=\"post-card\">"));
        assert!(
            page[first..page[first..].find("</li>").unwrap() + first].contains(&format!(
                "<a href=\"post/{}\" dir=\"auto\">Insulin pick-up</a>",
                RecordId(99)
            ))
        );
        assert_eq!(
            page.matches("<article class=\"post-card\">").count(),
            BOARD_PAGE
        );
        assert!(page.contains("<p class=\"count-line\">34 open asks · Showing 30 of 34 posts</p>"));
        assert!(page.contains("<a class=\"button secondary\" href=\"board.html\">"));
        // The menu, with the board as the current screen; no control can take input.
        assert!(page.contains("<a href=\"./\" aria-current=\"page\">Board</a>"));
        assert!(page.contains("<search class=\"filters\" inert>"));
        assert_eq!(
            page.matches("<input").count(),
            page.matches("disabled>").count() - 1
        );
        assert!(!page.contains("<form") && !page.contains("<button"));
        // The loading note stays, after the board.
        assert!(page.find("first-board").unwrap() < page.find("loading-note").unwrap());
    }

    #[test]
    fn the_apps_webassembly_is_not_preloaded_ahead_of_the_first_view() {
        let page = written(&board_with_posts(3), &config("{}"), Lang::En);
        assert!(!page.contains("_bg.wasm"));
        // Only that preload goes: the app's small script and any other preload stay.
        assert!(page.contains("<link rel=\"modulepreload\" href=\"/circle-1.js\">"));
        assert!(page.contains("<link rel=\"preload\" href=\"/font.woff2\" as=\"font\"></head>"));
        assert!(page.contains("<article class=\"post-card\">"));
    }

    #[test]
    fn in_the_groups_language_and_an_empty_board_says_so() {
        let config = config(r#"{"languages":["es","en"]}"#);
        let page = written(&Board::default(), &config, Lang::Es);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"es\" dir=\"ltr\">"));
        assert!(page.contains(&format!(
            "<p class=\"empty\">{}</p>",
            Lang::Es.text(Msg::BoardEmpty)
        )));
        assert!(!page.contains("post-list"));
    }

    #[test]
    fn publishing_again_replaces_the_last_first_view() {
        let config = config("{}");
        let view = |board| View {
            board,
            config: &config,
            published_ms: 0,
            site_url: None,
        };
        let (one, two) = (board_with_posts(1), board_with_posts(2));
        let once = page(TEMPLATE, &view(&one), Lang::En).unwrap();
        let again = page(&once, &view(&two), Lang::En).unwrap();
        assert_eq!(again, page(TEMPLATE, &view(&two), Lang::En).unwrap());
        assert_eq!(
            page(
                "<html lang=\"en\"><body></body></html>",
                &view(&one),
                Lang::En
            ),
            None
        );
    }
}
