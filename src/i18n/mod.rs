//! The message catalogue: every text a person reads, in every language Circle ships.
//!
//! A compact typed table instead of a translation framework: each language is one exhaustive
//! `match` over [`Msg`], so a message missing from a language is a compile error and the whole
//! catalogue costs a few kilobytes of wasm. Values go in through named placeholders (`{count}`)
//! filled by [`fill`], and counted messages pick a plural form per language.

mod en;
mod es;
pub mod group_labels;
mod labels;
mod language_names;
pub mod problems;
mod search_labels;
pub mod sheet;

pub use language_names::{language_list, language_name};
pub use search_labels::{search_labels, search_languages};

/// A language Circle ships, with its text direction and plural rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
}

/// The plural forms (CLDR categories) that English and Spanish need; a language with more forms
/// adds variants here and the compiler points at every table that must cover them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag, for `<html lang>` and for `Intl` date and number formats.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name for itself, so a person finds it whatever is showing now.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Text direction for `<html dir>`; layout uses logical CSS properties, so a right-to-left
    /// language only has to answer "rtl" here.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En | Lang::Es => "ltr",
        }
    }

    /// The language of a tag like `es-MX` or `en`, if Circle ships it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// The first shipped language in the person's order of preference (`navigator.languages`).
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    pub fn text(self, msg: Msg) -> &'static str {
        match self {
            Lang::En => en::text(msg),
            Lang::Es => es::text(msg),
        }
    }

    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::En | Lang::Es if n == 1 => Plural::One,
            Lang::En | Lang::Es => Plural::Other,
        }
    }

    /// The template of a counted message in the plural form that fits `n`; it still holds its
    /// `{count}` placeholder, so the caller fills in the number formatted for the locale.
    pub fn counted(self, msg: Counted, n: u64) -> &'static str {
        let form = self.plural(n);
        match self {
            Lang::En => en::counted(msg, form),
            Lang::Es => es::counted(msg, form),
        }
    }
}

/// A catalogue's message: the board's [`Msg`], or the workspace's own. Screens and form
/// controls take any of them, and each page's wasm holds only the catalogues it uses.
pub trait Text: Copy + Send + Sync + 'static {
    fn text(self, lang: Lang) -> &'static str;
}

impl Text for Msg {
    fn text(self, lang: Lang) -> &'static str {
        lang.text(self)
    }
}

/// A message worded in every language Circle ships, in [`Lang::ALL`]'s order: for text made
/// where the page keeps no code to word it (the reader worker words a sheet's row problems), so
/// that a change of language still needs nothing from there.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Worded(Vec<String>);

impl Worded {
    /// The message `word` gives in each language.
    pub fn new(word: impl Fn(Lang) -> String) -> Self {
        Self(Lang::ALL.into_iter().map(word).collect())
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        let index = Lang::ALL.iter().position(|each| *each == lang);
        index
            .and_then(|index| self.0.get(index))
            .map_or("", String::as_str)
    }
}

/// Replaces each `{name}` in `template` by its value. Values are inserted as plain text and
/// never re-scanned, so a value that itself contains `{count}` stays as typed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match named {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares a message enum together with the list of all its variants, so tests can walk every
/// message without a second hand-kept list that could fall out of step.
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
    };
}

catalogue! {
    /// A message without a count. Placeholders are named in the English text.
    Msg {
        SkipToContent, MainNav, NavBoard, NavNewAsk, NavNewOffer, NavMine, NavShare,
        NavSettings, PageNotFound, BackToBoard,
        // Board
        BoardTitle, Filters, FilterKind, AnyKind, FilterCategory, AnyCategory,
        FilterArea, AnyArea, FilterUrgency, AnyUrgency, FilterStatus, AnyStatus, StatusActive, StatusClosed, Search,
        SearchHint, ClearFilters, ShowMore, BoardEmpty, BoardNoMatch, CopyOpenAsks, CopyFailed,
        PostList, NewPostLinks,
        // Kinds, urgency, status
        KindAsk, KindOffer, UrgencyToday, UrgencyDays, UrgencyWeek, UrgencyAnytime, StatusOpen,
        StatusMatched, StatusFulfilled, StatusWithdrawn, StatusExpired, StatusDuplicate,
        StatusReferred,
        // Default categories (groups may add their own, shown as the group wrote them)
        CatFood, CatMeals, CatRides, CatChildcare, CatElderCare, CatHealth, CatHarmReduction,
        CatHousing, CatCash, CatSupplies, CatCheckIns, CatPaperwork, CatTech, CatPets, CatErrands,
        CatOther,
        // Contact
        MethodCall, MethodText, MethodWhatsApp, MethodSignal, MethodEmail, VisibilityPrivate,
        VisibilityGroup, VisibilityPublic,
        // New post
        NewAskTitle, NewOfferTitle, NewPostIntro, FieldWhatAsk, FieldWhatOffer, FieldCategory,
        FieldArea, FieldContactMethod, FieldContactValue, FieldContactHint, FieldContactNotes,
        FieldVisibility,
        FieldDetails, FieldUrgency, FieldQuantity, FieldNeededBy, FieldAvailableUntil,
        FieldRecurring, FieldLanguages, FieldLanguagesHint, FieldPrivateNote, FieldHandle,
        RequiredMark, OptionalMore, ChooseOne, SubmitAsk, SubmitOffer, ClearForm, DraftKept,
        PostedAsk, PostedOffer,
        // Validation and errors
        ErrRequired, ErrTooLong, ErrTooMany, ErrUnknownChoice, ErrBadCharacter, ErrOutOfRange,
        ErrDate, ErrQuantity, ErrStorageFull, ErrStorageUnavailable, ErrStorageCorrupt,
        ErrStorageNotKept, ErrStorageDamaged, DamagedHelp, DamagedDownload, DamagedReplace,
        ErrStatusChange, ErrPhoneExtraText, ErrPhoneNoCountryCode, ErrPhoneUnknownCountryCode,
        ErrPhoneTooShort, ErrPhoneTooLong, ErrNotEmail,
        // Post detail
        PostedBy, PostedOn, Details, Quantity, NeededBy, AvailableUntil, Languages, Repeats,
        OneOff, History, HistoryEntry, Respond, ContactHidden, NoContact, ICanHelp,
        Withdraw, MarkDone, YourPost, PostNotFound, StatusChanged,
        // My posts
        MineTitle, MineEmpty, MineIntro,
        // Settings
        SettingsTitle, Language, KeepHeading, KeepBoard, KeepDrafts, KeepHint, WipeHeading,
        WipeButton, WipeWarning, WipeConfirm, Cancel, Wiped,
        // Share & sync: links, QR codes, files, the preview before a merge
        ShareTitle, ShareIntro, LinkHeading, LinkAudience, LinkPublic, LinkPublicHint, LinkGroup,
        LinkGroupHint, LinkGroupOffer, LinkSealing, ErrNoGroupKey, LinkLabel, LinkLength, LinkLong, ShareLink, CopyLink, LinkCopied,
        CopyLinkFailed, QrAlt, QrHint, QrTooLong, SharePost, SharePostHint,
        FilesHeading, FileAudience, FilePublic, FileGroup, FileFull, FileFullWarning,
        FileGroupLocked, FileGroupUnlocked, FileLocking, GroupFileLabel, ErrFileLocked,
        ErrFileWrongKey, ErrFileLockedDamaged, ErrFileLockedNewer,
        SaveBoardFile, SavePostsCsv, FileSaved, ImportHeading, ImportIntro, ChooseFile, DropFile,
        PasteLink, PasteLinkHint, OpenLink, PreviewHeading, FromLinkPost, FromLinkBoard, FromFile,
        GroupLinkLabel, MergeCounts, Merge, Merged, ChangeNew, ChangeUpdated, ChangeUnchanged,
        ErrLinkHeading, Close, BoardUnchanged, ErrLinkEmpty, ErrLinkNotCircle, ErrLinkVersion,
        ErrLinkTruncated, ErrLinkDamaged, ErrLinkTooLarge, LockedLinkHeading, ErrLinkLocked,
        UnlockInSettings, ErrLinkWrongKey, OpeningLink, ErrFileNotText, ErrFileRead,
        ErrTooLarge, ErrSyntax, ErrNotASnapshot, ErrNewer, ErrUnknownSchema, ErrInvalid,
        ErrInvalidIn, ErrWrongId, ErrLimits, RecPost, RecMatch, RecResource, RecRoster, RecShift,
        RecFundEntry, RecSkill, FldTitle, FldDetails, FldCategory, FldArea, FldAuthor, FldContact,
        FldLanguages, FldQuantity, FldPrivateNote, FldName, FldHours, FldAccepts, FldNeeds,
        FldServes, FldNote, FldHandle, FldTask, FldHeadCount, FldPurpose, FldAmount, FldSkill,
        FldCadence, FldReports, FldPeople, FldCheckIns, FldSignups, FldMinutes, FldSwaps, ColId, ColKind, ColTitle, ColUntil, ColAuthor, ColContactMethod, ColContact,
        ColPosted, Yes,
        // Opening the app: the group's settings, the demo board, a new release
        ConfigFromCopy, ErrConfig, ErrConfigValue, ErrConfigCountryCode, DemoLoaded, UpdateReady, UpdateReload,
        // Trust: signatures, what the gate refused, responses, moderation
        FldHistory, FldResponses, FldModeration, RefusedHeading, RefBadSignature, RefForgedAuthor, RefUnsignedChange, RefFutureStamp, RefTooMany, RefBadResponse, RefNotCoordinator, RefBadEntry, ResponsesHeading, ResponseBy, FieldMessage, ResponseSaved, YouResponded, AcceptResponse, Reopen, HidePost, PostHidden, ErrNotAuthor, ErrStale, Unsigned, AuthorKeyHeading, AuthorKeyHint, CheckingSignatures,
        // The loop between two neighbours: send a post, reply to it, reach each other
        VisibilityPublicHint, VisibilityPrivateHint, SendAskHeading, SendOfferHeading,
        SendPostHint, ShareTextAsk, ShareTextOffer, ShareMessage, CopyMessage, MessageCopied,
        SendSms, SendWhatsApp, IdLikeThis, ResponsesOfferHeading, ResponseWants, ReachCall,
        ReachText, ReachWhatsApp, ReachSignal, ReachEmail, FieldHelperMethod, FieldHelperContact,
        HelperContactHint, SendReplyHeading, ReplyTextAsk, ReplyTextOffer, ReplyByContact,
        ReplyThenLink, ReplyInChat, WithdrawConfirm, WithdrawYes, KeepIt, MessageLabel,
        // Published sheets: what cannot be read, and why
        SheetTooLarge, SheetNotText, SheetEmpty, SheetNoTimestamp, SheetNoNeed, SheetNoName, SheetMalformed, ColUnknown, ColPrivate, ColIgnored, ColUnknownField, ColRepeated, RowAt, RowAtColumn, RowNoDate, RowNoTitle, RowNoName, RowUnknownKind, RowUnknownCategory, RowUnknownStatus, RowDuplicate, RowInvalid, RowBadContact, RowUnread, RowUnknownUrgency, RowUnknownPlace,
        // The plain HTML board `publish` writes
        HtmlIntro, HtmlOpenApp, HtmlRespondInApp, HtmlUpdated, HtmlNothingOpen, HtmlHowToRespond, HtmlAskGroup,
        // The first screen, the demo posts, and small helps in forms
        BoardIntro, DemoBadge, DemoRemove, DemoRemoved, DemoHeading, DemoHint, DemoRestore, DemoOff,
        CharsCount, FormCleared, Undo,
        // The group's shared board: its sources, synced when the app opens and on request
        SyncHeading, SyncNow, Syncing, SyncRead, SyncFromCopy, SyncOffline, SyncOfflineNever,
        SyncFailed, SyncNotFound, SyncNoReader, SyncStatus, SyncTimeout,
        // The members' board: encrypted with the group's passphrase
        SyncLocked, MembersHeading, MembersHint, FieldPassphrase, RememberPassphrase, Unlock, Unlocking, Unlocked, MembersOpen, ForgetPassphrase, PassphraseForgotten, ErrPassphraseEmpty, ErrWrongPassphrase, ErrMembersDamaged, ErrNoMembersBoard, ErrMembersNewer, ErrNoReader,
        // Places: the directory, condition reports, kinds of place, stock and condition
        NavPlaces, PlacesTitle, PlacesIntro, PlacesList, PlacesEmpty, PlacesNoMatch, FilterPlaceKind, AnyPlaceKind, FilterOpenNow, OpenNow, ClosedNow, PlaceHours, PlaceAccepts, PlaceNeeds, PlaceServes, PlaceLatest, PlaceNoReport, ReportedAgo, ReportHeading, FieldStock, FieldCondition, FieldReportNote, SubmitReport, ReportSaved, ErrReportEmpty, PlaceFridge, PlaceFreeStore, PlacePantry, PlaceClinic, PlaceCoolingCentre, PlaceWarmingCentre, PlaceShelter, PlaceWater, PlaceLaundry, PlaceShowers, PlaceOther, StockEmpty, StockLow, StockSome, StockFull, ConditionGood, ConditionDirty, ConditionOutOfOrder, ConditionGone,
        // The way to the group's workspace, the other entry page
        WorkspaceHeading, WorkspaceHint, OpenWorkspace,
        // Shifts on either page: what a shift says, signing up from its link, sending it back
        ShiftWhen, ShiftGap, ShiftFull, SignedUp, NobodyYet, SignUpLabel, BackOut, SignedUpSaved, BackedOutSaved, ErrShiftGone, ErrShiftFull,
        FromLinkShift, ShiftOver, ShiftTakesNoMore, ShiftNotFound, SendSignUpHeading, SendSignUpHint, SignUpText, BackOutText,
        // Write-back: this phone's posts and status changes, sent to the group's sheet
        WriteBackDoneAt, WriteBackOffline, WriteBackStatus, WriteBackNotScript, WriteBackRefused,
    }
}

catalogue! {
    /// A message that shows a number; each language gives one text per plural form, and each
    /// text holds a `{count}` placeholder.
    Counted {
        Posts, OpenAsks, Copied, Shown, FixProblems, IncomingPosts, MorePosts, CharsLeft,
        CharsOver, SyncSkipped, SyncRefused, WriteBackWaiting, WriteBackSending,
    }
}

// After the macro, which it uses for its own catalogue.
pub mod workspace;

impl Msg {
    /// The label of one of the default category keys; a group's own categories have none and
    /// are shown as the group wrote them.
    pub fn category(key: &str) -> Option<Msg> {
        Some(match key {
            "food" => Msg::CatFood,
            "meals" => Msg::CatMeals,
            "rides" => Msg::CatRides,
            "childcare" => Msg::CatChildcare,
            "elder-care" => Msg::CatElderCare,
            "health" => Msg::CatHealth,
            "harm-reduction" => Msg::CatHarmReduction,
            "housing" => Msg::CatHousing,
            "cash" => Msg::CatCash,
            "supplies" => Msg::CatSupplies,
            "check-ins" => Msg::CatCheckIns,
            "paperwork" => Msg::CatPaperwork,
            "tech" => Msg::CatTech,
            "pets" => Msg::CatPets,
            "errands" => Msg::CatErrands,
            "other" => Msg::CatOther,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    pub(super) fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn no_message_is_empty_in_any_language() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                assert!(!lang.text(*msg).trim().is_empty(), "{lang:?} {msg:?}");
            }
            for msg in Counted::ALL {
                for n in [0, 1, 2, 5] {
                    assert!(!lang.counted(*msg, n).trim().is_empty(), "{lang:?} {msg:?}");
                }
            }
        }
    }

    #[test]
    fn every_language_uses_the_same_placeholders() {
        for lang in Lang::ALL {
            for msg in Msg::ALL {
                assert_eq!(
                    placeholders(lang.text(*msg)),
                    placeholders(Lang::En.text(*msg)),
                    "{lang:?} {msg:?}"
                );
            }
            for msg in Counted::ALL {
                for n in [1, 2] {
                    let text = lang.counted(*msg, n);
                    assert!(placeholders(text).contains("count"), "{lang:?} {msg:?}");
                    assert_eq!(
                        placeholders(text),
                        placeholders(Lang::En.counted(*msg, 2)),
                        "{lang:?} {msg:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_browser_order_picks_the_language() {
        assert_eq!(Lang::negotiate(["fr-FR", "es-MX", "en"]), Lang::Es);
        assert_eq!(Lang::negotiate(["EN_gb"]), Lang::En);
        assert_eq!(Lang::negotiate(["zz"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn fill_puts_values_in_as_typed() {
        assert_eq!(
            fill(
                "{count} of {total}",
                &[("count", "3"), ("total", "{count}")]
            ),
            "3 of {count}"
        );
        assert_eq!(fill("a {b", &[]), "a {b");
        assert_eq!(fill("{x} left", &[]), "{x} left");
    }

    #[test]
    fn plural_forms_follow_the_count() {
        assert_eq!(Lang::En.counted(Counted::Posts, 1), "{count} post");
        assert_eq!(Lang::Es.counted(Counted::Posts, 0), "{count} publicaciones");
    }

    #[test]
    fn every_default_category_has_a_label() {
        for key in crate::model::config::DEFAULT_CATEGORIES {
            assert!(Msg::category(key).is_some(), "{key}");
        }
    }
}
