//! Who a link is for, where the person may choose: anyone (the default), or, on a phone that
//! holds the group's key, group members only, sealed with that key by the reader worker
//! (`ui::group_link`). The board's link and a post's link both use these.

use super::link_panel::LinkPanel;
use crate::i18n::Msg;
use crate::model::Audience;
use crate::sources::share_link::{share_url, LinkAudience, ToSeal};
use crate::ui::codes::{code, parse};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::group_link::NotSealed;
use crate::ui::state::{t, AppState};
use crate::ui::sync::SyncError;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A link as it is being made: `None` while the reader worker seals it.
pub type Made = Option<Result<String, NotSealed>>;

/// The form state of the choice, as the radio buttons edit it.
#[derive(Clone)]
struct Choice {
    audience: String,
}

/// "Who is the link for?", only on a phone that holds the group's key: each option says in a
/// line who can read the link. Without the key a group link cannot be made, so there is no
/// choice; where the group's members' board is locked on this phone, a line says how to get
/// the key. The choice goes back to public when the key is forgotten.
#[component]
pub fn AudienceChoice(id: &'static str, audience: RwSignal<LinkAudience>) -> impl IntoView {
    let state = AppState::get();
    let choice = RwSignal::new(Choice {
        audience: code(&Audience::Public),
    });
    Effect::new(move |_| {
        let group = choice.with(|choice| parse(&choice.audience)) == Some(Audience::Group);
        audience.set(if group && state.is_member() {
            LinkAudience::Group
        } else {
            LinkAudience::Public
        });
    });
    let locked = move || {
        state.sync.with(|sync| {
            sync.sources
                .iter()
                .any(|source| source.outcome == Err(SyncError::Locked))
        })
    };
    move || {
        if state.is_member() {
            view! {
                <RadioField
                    id=id
                    legend=Msg::LinkAudience
                    value=lens!(choice, audience)
                    options=vec![
                        (code(&Audience::Public), Msg::LinkPublic),
                        (code(&Audience::Group), Msg::LinkGroup),
                    ]
                    hints=vec![Msg::LinkPublicHint, Msg::LinkGroupHint]
                    error=Signal::stored(None::<String>)
                />
            }
            .into_any()
        } else {
            view! {
                <p>{t(Msg::LinkPublic)}</p>
                {move || locked().then(|| view! { <p class="hint">{t(Msg::LinkGroupOffer)}</p> })}
            }
            .into_any()
        }
    }
}

/// The link for `audience`: `public` as it is, or for group members `group`'s content sealed
/// by the reader worker, again whenever it changes. `page` is the address the fragment goes
/// after. A seal that finishes after a newer one started is dropped.
pub fn made_link(
    page: String,
    audience: Signal<LinkAudience>,
    public: Signal<Option<String>>,
    group: impl Fn() -> Option<ToSeal> + 'static,
) -> Signal<Made> {
    let state = AppState::get();
    let sealed = RwSignal::new(None::<Result<String, NotSealed>>);
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        if audience.get() != LinkAudience::Group {
            return;
        }
        let Some(content) = group() else {
            return;
        };
        let page = page.clone();
        let turn = latest.get_value().wrapping_add(1);
        latest.set_value(turn);
        sealed.set(None);
        spawn_local(async move {
            let made = state.seal_link(content).await;
            if latest.try_get_value() == Some(turn) {
                sealed.try_set(Some(made.map(|fragment| share_url(&page, &fragment))));
            }
        });
    });
    Signal::derive(move || match audience.get() {
        LinkAudience::Public => public.get().map(Ok),
        LinkAudience::Group => sealed.get(),
    })
}

/// A made link's panel, or while it is sealed a line saying so, or why it could not be made.
#[component]
pub fn MadeLinkPanel(id: &'static str, link: Signal<Made>, title: Msg) -> impl IntoView {
    let state = AppState::get();
    let ready = move || link.with(|link| matches!(link, Some(Ok(_))));
    let url = Signal::derive(move || match link.get() {
        Some(Ok(url)) => url,
        _ => String::new(),
    });
    view! {
        <Show when=ready>
            <LinkPanel id url title/>
        </Show>
        {move || match link.get() {
            None => Some(view! { <p role="status">{t(Msg::LinkSealing)}</p> }.into_any()),
            Some(Err(error)) => Some(
                view! { <p class="error" role="alert">{move || state.t(error.message())}</p> }
                    .into_any(),
            ),
            Some(Ok(_)) => None,
        }}
    }
}
