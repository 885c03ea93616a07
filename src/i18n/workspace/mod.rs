//! The workspace's messages: what only the group's workspace shows (matching, the needs
//! report). A catalogue of its own, so the board page a neighbour downloads carries none of
//! these texts; words both pages show (categories, statuses) stay in [`super::Msg`].

mod en;
mod es;

use super::{Lang, Plural, Text};

catalogue! {
    /// A workspace message without a count. Placeholders are named in the English text.
    WorkMsg {
        // The frame
        WorkspaceNav, WorkspaceTitle, WorkspaceIntro, NavOverview, NavMatching, NavReport,
        OverviewReport,
        // Matching
        MatchingTitle, MatchingIntro, MatchingEmpty, MatchingNotCoordinator, UnmatchedList,
        PostedAgo, SuggestionsFor, NoSuggestions, ReasonCategory, ReasonArea, ReasonTime,
        ReasonLanguage, SkillOf, MatchButton, MatchButtonLabel, Matched, ErrMatchNotAllowed,
        ErrMatchNotOpen, ErrMatchGone, OpenAsk,
        // The needs report
        ReportTitle, ReportIntro, ReportEmpty, TotalAsks, TotalFulfilled, ShareFulfilled,
        MedianToMatch, NoMatchYet, ByMonth, ByCategory, ByArea, StillUnmet, NothingUnmet, ColMonth,
        ColCategory, ColArea, ColAsks, ColFulfilled, ColOpen, ColWaitingWeek, ColGrouping, SaveReportCsv,
        ChartLegend,
        // Skills
        NavSkills, OverviewSkills, SkillsTitle, SkillsIntro, SkillsEmpty, SkillList, SkillAvailable, SkillAway, MarkAway, MarkAvailable, NewSkillHeading, FieldSkill, FieldSkillDetails, FieldSkillLanguages, FieldSkillLanguagesHint, SubmitSkill, SkillListed,
        // Childcare swaps on a childcare listing
        SwapsHeading, NoSwaps, SwapBalances, SwapBalance, SwapEven, SwapOwed, SwapOwes, RecordSwap, FieldMinder, FieldFamily, FieldSwapDay, FieldSwapHours, FieldSwapNote, ErrSwapHours, ErrSameNeighbour, SubmitSwap, SwapSaved, ErrListingGone,
        // The flyer
        NavFlyer, OverviewFlyer, FlyerHeading, FlyerBody, FlyerQrAlt,
        // Shifts and the shift sheet
        NavShifts, OverviewShifts, ShiftsTitle, ShiftsIntro, ShiftsEmpty, ShiftList, ShareShift, ShareShiftHint, ShiftShareText, SignUp, NewShiftHeading, FieldTask, FieldTaskHint, FieldShiftPlace, NoPlace, FieldShiftDay, FieldShiftTime, FieldMinutes, FieldNeeded, ErrShiftTime, ErrNumber, SubmitShift, ShiftAdded, PrintShifts, ShiftSheetTitle, ColTask, ColWhen, ColPlace, ColNeeded, ColSignedUp, ColWriteIn, BackToShifts,
        // The fund
        NavFund, OverviewFund, FundTitle, FundIntro, TotalRequested, TotalPledged, TotalPaidOut, TotalBalance, TotalOutstanding, FundByMonth, LedgerHeading, LedgerEmpty, ColDate, ColKind, ColAmount, ColPurpose, ColBy, ColBalance, KindRequest, KindPledge, KindPayout, NewEntryHeading, FieldEntryKind, FieldAmount, FieldAmountHint, ErrAmount, FieldPurpose, FieldTowards, NoRequest, FieldEntryNote, SubmitEntry, EntrySaved, SaveLedgerCsv,
        // Check-in rounds and their print view
        NavRounds, OverviewRounds, RoundsTitle, RoundsIntro, RoundsEmpty, NewRosterHeading, FieldRosterName, FieldRosterNameHint, SubmitRoster, RosterStarted, TodaysRound, FlagNoAnswer, FlagNeedsSomething, FlagAskPosted, FlagMissed, FlagOverdue, FlagDue, FlagUpcoming, Volunteer, NoVolunteer, LastCheckIn, NeverChecked, OutcomeOk, OutcomeNeedsSomething, OutcomeNoAnswer, RecordCheckIn, FieldOutcome, FieldCheckInNote, SubmitCheckIn, CheckInSaved, PostAskFor, AskForPrivacy, SubmitAskFor, SaveWithoutAsk, AskPostedFor, AsksFor, AddPersonHeading, FieldPersonName, FieldReachMethod, FieldReachValue, FieldCadence, CadenceDaily, CadenceTwiceWeekly, CadenceWeekly, FieldVolunteer, FieldPersonNotes, SubmitPerson, PersonAdded, ErrListGone, ErrListFull, ErrListNotYours, PrintRound, PrintTitle, PrintNote, ColName, ColReach, ColVolunteer, ColDue, ColNotes, PrintButton, BackToRounds,
    }
}

catalogue! {
    /// A workspace message that shows a number, one text per plural form.
    WorkCounted {
        AsksWaiting, Days, Hours, Minutes,
    }
}

impl Lang {
    pub fn work(self, msg: WorkMsg) -> &'static str {
        match self {
            Lang::En => en::text(msg),
            Lang::Es => es::text(msg),
        }
    }

    /// The template of a counted workspace message for `n`, still holding its `{count}`.
    pub fn work_counted(self, msg: WorkCounted, n: u64) -> &'static str {
        let form = self.plural(n);
        match self {
            Lang::En => en::counted(msg, form),
            Lang::Es => es::counted(msg, form),
        }
    }
}

impl Text for WorkMsg {
    fn text(self, lang: Lang) -> &'static str {
        lang.work(self)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::placeholders;
    use super::*;

    #[test]
    fn every_workspace_message_is_written_with_the_same_placeholders_in_every_language() {
        for lang in Lang::ALL {
            for msg in WorkMsg::ALL {
                let text = lang.work(*msg);
                assert!(!text.trim().is_empty(), "{lang:?} {msg:?}");
                assert_eq!(
                    placeholders(text),
                    placeholders(Lang::En.work(*msg)),
                    "{lang:?} {msg:?}"
                );
            }
            for msg in WorkCounted::ALL {
                for n in [0, 1, 2, 5] {
                    let text = lang.work_counted(*msg, n);
                    assert!(placeholders(text).contains("count"), "{lang:?} {msg:?} {n}");
                }
            }
        }
    }
}
