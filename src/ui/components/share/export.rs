//! Saving the board as a snapshot file and the posts as a spreadsheet, redacted for the
//! audience the person picked: public unless they choose more on purpose. A file for group
//! members is locked with the group's key where this phone holds it (`ui::group_file`), and
//! says plainly where it is not.

use super::web;
use crate::i18n::{fill, Lang, Msg};
use crate::model::{Audience, ContactMethod, Day, PostKind, Status, Urgency};
use crate::sources::csv_export::{self, Column, CsvLabels};
use crate::sources::snapshot_file;
use crate::ui::codes::{code, parse};
use crate::ui::components::form::lens::lens;
use crate::ui::components::form::radio_field::RadioField;
use crate::ui::group_link::NotSealed;
use crate::ui::platform;
use crate::ui::state::{t, Announcement, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The audience choice and the two save buttons. Picking "everything" says plainly that the
/// file holds private details.
#[component]
pub fn FileExport() -> impl IntoView {
    let state = AppState::get();
    let choice = RwSignal::new(Choice {
        audience: code(&Audience::Public),
    });
    let audience = move || {
        choice
            .with(|choice| parse(&choice.audience))
            .unwrap_or(Audience::Public)
    };
    let save_csv = move |_| {
        let lang = state.lang.get_untracked();
        let name = csv_export::file_name(today());
        let text = state
            .board
            .with_untracked(|board| csv_export::posts_csv(board, audience(), &CsvWords(lang)));
        deliver(state, &name, csv_export::MEDIA_TYPE, &text);
    };
    view! {
        <RadioField
            id="file-audience"
            legend=Msg::FileAudience
            value=lens!(choice, audience)
            options=vec![
                (code(&Audience::Public), Msg::FilePublic),
                (code(&Audience::Group), Msg::FileGroup),
                (code(&Audience::Full), Msg::FileFull),
            ]
            error=Signal::stored(None::<String>)
        />
        {move || match audience() {
            Audience::Full => Some(view! { <p class="advice">{t(Msg::FileFullWarning)}</p> }),
            Audience::Group if state.locks_group_files() => {
                Some(view! { <p class="hint">{t(Msg::FileGroupLocked)}</p> })
            }
            Audience::Group => Some(view! { <p class="advice">{t(Msg::FileGroupUnlocked)}</p> }),
            Audience::Public => None,
        }}
        <div class="actions">
            <SaveBoardFile audience=Signal::derive(audience)/>
            <button class="secondary" type="button" on:click=save_csv>
                {t(Msg::SavePostsCsv)}
            </button>
        </div>
    }
}

/// The form state of the audience choice, as the radio buttons edit it.
#[derive(Clone)]
struct Choice {
    audience: String,
}

/// "Save board file": the board redacted for `audience` as a snapshot file, named by date and
/// audience, and for group members locked with the group's key where this phone holds it.
/// Also offered where a link grows too long to send. While the reader worker locks the file
/// the button waits and a line says so; if it cannot, a line says why and nothing is saved.
#[component]
pub fn SaveBoardFile(#[prop(into)] audience: Signal<Audience>) -> impl IntoView {
    let state = AppState::get();
    let locking = RwSignal::new(false);
    let failed = RwSignal::new(None::<NotSealed>);
    let save = move |_| {
        let audience = audience.get_untracked();
        let name = snapshot_file::file_name(today(), audience);
        let text = state
            .board
            .with_untracked(|board| snapshot_file::export(board, audience));
        failed.set(None);
        if audience != Audience::Group || !state.locks_group_files() {
            deliver(state, &name, snapshot_file::MEDIA_TYPE, &text);
            return;
        }
        locking.set(true);
        spawn_local(async move {
            let locked = state.lock_board_file(text).await;
            locking.try_set(false);
            match locked {
                Ok(file) => deliver(state, &name, snapshot_file::MEDIA_TYPE, &file),
                Err(error) => {
                    failed.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <button type="button" on:click=save disabled=move || locking.get()>
            {t(Msg::SaveBoardFile)}
        </button>
        {move || locking.get().then(|| view! { <p role="status">{t(Msg::FileLocking)}</p> })}
        {move || failed.get().map(|error| view! {
            <p class="error" role="alert">{move || state.t(error.message())}</p>
        })}
    }
}

/// Hands a file to the browser and says so on the screen the person is on.
pub fn deliver(state: AppState, name: &str, media_type: &str, text: &str) {
    if web::download(name, media_type, text) {
        state.notice.set(Some(Announcement {
            at: web::current_path(),
            text: fill(state.t(Msg::FileSaved), &[("name", name)]),
        }));
    }
}

fn today() -> Day {
    Day::from_ms(platform::now_ms())
}

/// The spreadsheet's words in the person's language, from the message catalogue.
struct CsvWords(Lang);

impl CsvLabels for CsvWords {
    fn header(&self, column: Column) -> String {
        let msg = match column {
            Column::Id => Msg::ColId,
            Column::Kind => Msg::ColKind,
            Column::Status => Msg::FilterStatus,
            Column::Title => Msg::ColTitle,
            Column::Details => Msg::Details,
            Column::Category => Msg::FieldCategory,
            Column::Area => Msg::FieldArea,
            Column::Urgency => Msg::FilterUrgency,
            Column::Quantity => Msg::Quantity,
            Column::Until => Msg::ColUntil,
            Column::Recurring => Msg::Repeats,
            Column::Languages => Msg::Languages,
            Column::Author => Msg::ColAuthor,
            Column::ContactMethod => Msg::ColContactMethod,
            Column::ContactValue => Msg::ColContact,
            Column::Posted => Msg::ColPosted,
        };
        self.0.text(msg).to_string()
    }
    fn kind(&self, kind: PostKind) -> String {
        self.0.text(kind.into()).to_string()
    }
    fn status(&self, status: Status) -> String {
        self.0.text(status.into()).to_string()
    }
    fn urgency(&self, urgency: Urgency) -> String {
        self.0.text(urgency.into()).to_string()
    }
    fn method(&self, method: ContactMethod) -> String {
        self.0.text(method.into()).to_string()
    }
    fn recurring(&self) -> String {
        self.0.text(Msg::Yes).to_string()
    }
}
