//! New ask / new offer: the form a neighbour who has never seen Circle fills in under a minute.

use crate::i18n::Msg;
use crate::model::PostKind;
use crate::ui::codes::code;
use crate::ui::components::post::post_form::PostForm;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The new ask or offer screen: the form, and once posted, the post.
#[component]
pub fn NewPostPage(kind: PostKind) -> impl IntoView {
    let state = AppState::get();
    let navigate = use_navigate();
    let on_post = Callback::new(move |draft| {
        let id = state.add_post(draft);
        let posted = match kind {
            PostKind::Ask => Msg::PostedAsk,
            PostKind::Offer => Msg::PostedOffer,
        };
        let path = routes::post(id);
        let lang = state.lang.get_untracked();
        state.announce(&path, lang.text(posted).to_string());
        navigate(&path, Default::default());
    });
    let (title, submit) = match kind {
        PostKind::Ask => (Msg::NewAskTitle, Msg::SubmitAsk),
        PostKind::Offer => (Msg::NewOfferTitle, Msg::SubmitOffer),
    };
    view! {
        <h1>{t(title)}</h1>
        <p>{t(Msg::NewPostIntro)}</p>
        <PostForm kind draft_key=format!("draft.{}", code(&kind)) submit on_post/>
    }
}
