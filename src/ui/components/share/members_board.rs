//! "The members' board" in Settings: the group's passphrase, typed once, opens the board the
//! group publishes for its members (see `ui::members`). The passphrase is never kept, not even
//! as a draft; only the key it gives, and only when the person asks.

use crate::i18n::{Lang, Msg};
use crate::ui::components::form::form_actions::FormSummary;
use crate::ui::components::form::form_state::{verdict, FormState, Problems};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::text_field::TextField;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Fields {
    passphrase: String,
    remember: bool,
}

const ORDER: [&str; 1] = ["passphrase"];

#[component]
pub fn MembersBoard() -> impl IntoView {
    let state = AppState::get();
    let form = FormState::unsaved(&ORDER, Fields::default, check);
    let fields = form.fields;
    let opening = RwSignal::new(false);
    let problem = RwSignal::new(None::<Msg>);
    let submit = form.on_submit(move |(passphrase, remember)| {
        if opening.get_untracked() {
            return;
        }
        opening.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            let opened = state.unlock(passphrase, remember).await;
            opening.set(false);
            match opened {
                Ok(()) => {
                    fields.set(Fields::default());
                    state.announce(routes::SETTINGS, state.t(Msg::Unlocked).to_string());
                }
                Err(error) => problem.set(Some(error.message())),
            }
        });
    });
    let forget = move |_| {
        state.forget_group_key();
        state.announce(
            routes::SETTINGS,
            state.t(Msg::PassphraseForgotten).to_string(),
        );
    };
    view! {
        <section aria-labelledby="members-heading">
            <h2 id="members-heading">{t(Msg::MembersHeading)}</h2>
            <p class="hint">{t(Msg::MembersHint)}</p>
            <Show when=move || state.is_member()>
                <p>{t(Msg::MembersOpen)}</p>
                <p><button type="button" class="button secondary" on:click=forget>{t(Msg::ForgetPassphrase)}</button></p>
            </Show>
            <form novalidate on:submit=submit>
                <FormSummary form/>
                <TextField id="passphrase" label=Msg::FieldPassphrase value=lens!(fields, passphrase) error=form.error("passphrase") required=true kind="password" autocomplete="off"/>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || fields.with(|fields| fields.remember)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            fields.update(|fields| fields.remember = on);
                        }
                    />
                    {t(Msg::RememberPassphrase)}
                </label>
                <div class="actions">
                    <button class="button" type="submit" aria-disabled=move || opening.get().to_string()>{t(Msg::Unlock)}</button>
                </div>
                <p class="hint" aria-live="polite">{move || opening.get().then(|| state.t(Msg::Unlocking))}</p>
                {move || problem.get().map(|msg| view! { <p class="error" role="alert">{state.t(msg)}</p> })}
            </form>
        </section>
    }
}

fn check(fields: &Fields, lang: Lang) -> Result<(String, bool), Problems> {
    let mut problems = Problems::new();
    // A passphrase is taken exactly as typed: spaces may be part of it.
    if fields.passphrase.is_empty() {
        problems.insert("passphrase", lang.text(Msg::ErrPassphraseEmpty).to_string());
    }
    verdict(problems, (fields.passphrase.clone(), fields.remember))
}
