//! Settings: handle, language, what to keep on this device, this device's author key, the
//! group's passphrase, the group's demo posts, and wiping it all.

use crate::i18n::{Lang, Msg};
use crate::ui::components::demo::settings_section::DemoSettings;
use crate::ui::components::share::members_board::MembersBoard;
use crate::ui::routes;
use crate::ui::state::{t, AppState};
use leptos::prelude::*;

/// Each change applies at once and is saved with the person's settings; wiping asks once more
/// before it deletes anything.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = AppState::get();
    let handle = move || state.prefs.with(|prefs| prefs.handle.clone());
    let keep_board = move || state.prefs.with(|prefs| prefs.keep_board);
    let keep_drafts = move || state.prefs.with(|prefs| prefs.keep_drafts);
    let confirming = RwSignal::new(false);
    let wipe = move |_| {
        state.wipe();
        confirming.set(false);
        state.announce(routes::SETTINGS, state.t(Msg::Wiped).to_string());
    };
    view! {
        <h1>{t(Msg::SettingsTitle)}</h1>
        <div class="field">
            <label for="handle">{t(Msg::FieldHandle)}</label>
            <input
                id="handle"
                type="text"
                autocomplete="nickname"
                maxlength="40"
                prop:value=handle
                on:change:target=move |ev| {
                    let value = ev.target().value();
                    state.prefs.update(|prefs| prefs.handle = value.trim().to_string());
                }
            />
        </div>
        <div class="field">
            <label for="language">{t(Msg::Language)}</label>
            <select
                id="language"
                on:change:target=move |ev| {
                    let code = ev.target().value();
                    state.prefs.update(|prefs| prefs.language = Some(code));
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.code()
                                lang=lang.code()
                                selected=move || state.lang.get() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <fieldset class="field">
            <legend>{t(Msg::KeepHeading)}</legend>
            <p class="hint" id="keep-hint">{t(Msg::KeepHint)}</p>
            <label class="check">
                <input
                    type="checkbox"
                    aria-describedby="keep-hint"
                    prop:checked=keep_board
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        state.prefs.update(|prefs| prefs.keep_board = on);
                    }
                />
                {t(Msg::KeepBoard)}
            </label>
            <label class="check">
                <input
                    type="checkbox"
                    aria-describedby="keep-hint"
                    prop:checked=keep_drafts
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        state.prefs.update(|prefs| prefs.keep_drafts = on);
                    }
                />
                {t(Msg::KeepDrafts)}
            </label>
        </fieldset>
        <section aria-labelledby="author-key-heading">
            <h2 id="author-key-heading">{t(Msg::AuthorKeyHeading)}</h2>
            <p class="hint">{t(Msg::AuthorKeyHint)}</p>
            // Read again when the settings change: a wipe makes this device a new author.
            <p class="author-key" dir="ltr">
                <code>{move || { state.prefs.track(); state.author_key().to_string() }}</code>
            </p>
        </section>
        <MembersBoard/>
        <section aria-labelledby="workspace-heading">
            <h2 id="workspace-heading">{t(Msg::WorkspaceHeading)}</h2>
            <p class="hint">{t(Msg::WorkspaceHint)}</p>
            // A plain link the router leaves alone: the workspace is the other entry page,
            // with its own download.
            <p><a class="button secondary" href=state.site_href("/group/") rel="external">{t(Msg::OpenWorkspace)}</a></p>
        </section>
        <DemoSettings/>
        <section class="danger-zone" aria-labelledby="wipe-heading">
            <h2 id="wipe-heading">{t(Msg::WipeHeading)}</h2>
            <p>{t(Msg::WipeWarning)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button class="button danger" type="button" on:click=move |_| confirming.set(true)>
                        {t(Msg::WipeButton)}
                    </button>
                }
            >
                <div class="actions" role="group" aria-label=t(Msg::WipeHeading)>
                    <button class="button danger" type="button" on:click=wipe>{t(Msg::WipeConfirm)}</button>
                    <button class="button secondary" type="button" on:click=move |_| confirming.set(false)>
                        {t(Msg::Cancel)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
