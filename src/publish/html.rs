//! The plain HTML board: the open posts as one page that needs no JavaScript and no
//! WebAssembly, for old phones and data-saver browsers, with the Open Graph title and
//! description a chat shows when the group's link is pasted. Public contacts only (the page is
//! made from the redacted board), how to respond to each post, and a link into the app. Every
//! text from a post is escaped. Written to `board.html` at the top of the output folder, beside
//! the app.

use super::api::View;
use crate::i18n::{fill, group_labels, Counted, Lang, Msg};
use crate::model::{contact_value, Day, Post, PostKind};
use std::fmt::Write;

/// Where the page is written, under the output folder (the site's root).
pub const FILE: &str = "board.html";

/// The most posts the page lists, newest first; the app has the rest. A page of them all could
/// run to megabytes on the phones it is for.
pub const MAX_POSTS: usize = 300;

/// Text made safe to put in HTML, between tags or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;\
padding:1rem;color:#1a1a1a;background:#fff}h1{font-size:1.5rem;margin:.5rem 0}\
h2{font-size:1.2rem}h3{font-size:1.1rem;margin:.25rem 0}ol{list-style:none;padding:0}\
li{border-top:1px solid #ccc;padding:.75rem 0}.meta,.by{color:#555;font-size:.9rem;margin:0}\
.details{white-space:pre-line}a{color:#0645ad}.kind{font-weight:bold}";

/// The page, in `lang`.
pub fn board(view: &View, lang: Lang) -> String {
    let group = escape(&view.config.name);
    let posts = view.open_posts();
    let asks = posts
        .iter()
        .filter(|post| post.kind == PostKind::Ask)
        .count();
    let title = format!("{group}: {}", escape(lang.text(Msg::BoardTitle)));
    let intro = fill(lang.text(Msg::HtmlIntro), &[("group", &view.config.name)]);
    let counted = |msg, n: usize| fill(lang.counted(msg, n as u64), &[("count", &n.to_string())]);
    let counts = format!(
        "{} · {}",
        counted(Counted::OpenAsks, asks),
        counted(Counted::Posts, posts.len())
    );
    let app = view
        .site_url
        .map_or_else(|| "./".to_string(), str::to_string);
    let mut page = String::with_capacity(4096 + posts.len().min(MAX_POSTS) * 1024);
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
         <meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:locale\" content=\"{code}\">\n",
        code = lang.code(),
        dir = lang.dir(),
        description = escape(&format!("{counts} {intro}")),
    );
    if let Some(site) = view.site_url {
        let _ = writeln!(
            page,
            "<meta property=\"og:url\" content=\"{}\">",
            escape(&format!("{site}{FILE}"))
        );
    }
    let _ = write!(
        page,
        "<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{group}</h1>\n<p>{intro}</p>\n\
         <p><a href=\"{app}\">{open}</a></p>\n<p class=\"by\">{updated}</p>\n</header>\n<main>\n\
         <h2>{heading}</h2>\n<p>{counts}</p>\n",
        intro = escape(&intro),
        app = escape(&app),
        open = escape(lang.text(Msg::HtmlOpenApp)),
        updated = escape(&fill(
            lang.text(Msg::HtmlUpdated),
            &[("date", &Day::from_ms(view.published_ms).to_string())]
        )),
        heading = escape(lang.text(Msg::BoardTitle)),
        counts = escape(&counts),
    );
    if posts.is_empty() {
        let _ = writeln!(page, "<p>{}</p>", escape(lang.text(Msg::HtmlNothingOpen)));
    } else {
        page.push_str("<ol>\n");
        for post in posts.iter().take(MAX_POSTS) {
            item(&mut page, view, post, lang);
        }
        page.push_str("</ol>\n");
    }
    if posts.len() > MAX_POSTS {
        let more = posts.len() - MAX_POSTS;
        let _ = writeln!(
            page,
            "<p><a href=\"{}\">{}</a></p>",
            escape(&app),
            escape(&fill(
                lang.counted(Counted::MorePosts, more as u64),
                &[("count", &more.to_string())]
            ))
        );
    }
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

fn item(page: &mut String, view: &View, post: &Post, lang: Lang) {
    let mut meta = vec![lang.text(Msg::from(post.kind)).to_string()];
    meta.push(group_labels::category(
        view.config,
        lang,
        &post.category.value,
    ));
    if !post.area.value.is_empty() {
        meta.push(group_labels::area(view.config, lang, &post.area.value));
    }
    meta.push(lang.text(Msg::from(post.urgency.value)).to_string());
    if let Some(until) = post.until.value {
        let label = match post.kind {
            PostKind::Ask => Msg::NeededBy,
            PostKind::Offer => Msg::AvailableUntil,
        };
        meta.push(format!("{} {until}", lang.text(label)));
    }
    let link = view.site_url.map_or_else(
        || format!("post/{}", post.id),
        |site| format!("{site}post/{}", post.id),
    );
    let _ = write!(
        page,
        "<li><article id=\"p-{id}\">\n<p class=\"meta\"><span class=\"kind\">{kind}</span> · {rest}</p>\n\
         <h3>{title}</h3>\n",
        id = post.id,
        kind = escape(&meta[0]),
        rest = escape(&meta[1..].join(" · ")),
        title = escape(&post.title.value),
    );
    if !post.details.value.is_empty() {
        let _ = writeln!(
            page,
            "<p class=\"details\">{}</p>",
            escape(&post.details.value)
        );
    }
    let _ = writeln!(
        page,
        "<p class=\"by\">{} · {}</p>",
        escape(&fill(lang.text(Msg::PostedBy), &[("handle", &post.author)])),
        escape(&fill(
            lang.text(Msg::PostedOn),
            &[("date", &Day::from_ms(post.created.ms).to_string())]
        )),
    );
    let _ = writeln!(
        page,
        "<h4>{}</h4>",
        escape(lang.text(Msg::HtmlHowToRespond))
    );
    let how = post.contact.value.as_ref().and_then(|contact| {
        contact_value::href(contact, view.config.phone_country_code).map(|href| {
            format!(
                "<a href=\"{}\">{}: {}</a>",
                escape(&href),
                escape(lang.text(Msg::from(contact.method))),
                escape(&contact.value)
            )
        })
    });
    let how = how.unwrap_or_else(|| {
        escape(&fill(
            lang.text(Msg::HtmlAskGroup),
            &[("group", &view.config.name)],
        ))
    });
    let _ = write!(
        page,
        "<p>{how}</p>\n<p><a href=\"{link}\">{respond}</a></p>\n</article></li>\n",
        link = escape(&link),
        respond = escape(lang.text(Msg::HtmlRespondInApp)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
