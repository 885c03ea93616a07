//! The workspace in English.

use super::{Plural, WorkCounted, WorkMsg};

pub fn text(msg: WorkMsg) -> &'static str {
    use WorkMsg::*;
    match msg {
        WorkspaceNav => "Workspace",
        WorkspaceTitle => "The group's workspace",
        WorkspaceIntro => "For the group's volunteers and coordinators: match asks with offers and see what people need. It works on the same board as this phone's board page.",
        NavOverview => "Overview",
        NavMatching => "Matching",
        NavReport => "Needs report",
        OverviewReport => "What people ask for, month by month, by category and by area, and what stays unmet.",
        MatchingTitle => "Matching",
        MatchingIntro => "Asks still waiting for a match, most urgent and oldest first. Suggestions come from open offers and people's listed skills: the same category first, then the area, the time and a shared language.",
        MatchingEmpty => "Every open ask has a match. Nothing is waiting unseen.",
        MatchingNotCoordinator => "Only the group's coordinators can make matches. To become one, give the group your author key from Settings.",
        UnmatchedList => "Asks waiting for a match",
        PostedAgo => "Posted {when}",
        SuggestionsFor => "Suggestions for “{title}”",
        NoSuggestions => "No open offer or listed skill shares this ask's category or area yet.",
        ReasonCategory => "same category",
        ReasonArea => "same area",
        ReasonTime => "in time",
        ReasonLanguage => "shared language",
        SkillOf => "{handle}: {skill}",
        MatchButton => "Match",
        MatchButtonLabel => "Match “{ask}” with {partner}",
        Matched => "Matched “{ask}” with {partner}. The ask is now matched on the board.",
        ErrMatchNotAllowed => "Only the ask's author or one of the group's coordinators can match it. Nothing was changed.",
        ErrMatchNotOpen => "This ask is no longer open, so it was not matched. Nothing was changed.",
        ErrMatchGone => "That post is no longer on the board. Nothing was changed.",
        OpenAsk => "Open the ask",
        ReportTitle => "Needs report",
        ReportIntro => "Counts of asks only: no names, no contacts, nothing a person typed. A group can show it to its city.",
        ReportEmpty => "There are no asks on the board yet.",
        TotalAsks => "Asks",
        TotalFulfilled => "Fulfilled",
        ShareFulfilled => "Share fulfilled",
        MedianToMatch => "Median time to a match",
        NoMatchYet => "no match yet",
        ByMonth => "Asks by month",
        ByCategory => "Asks by category",
        ByArea => "Asks by area",
        StillUnmet => "What stays unmet",
        NothingUnmet => "Every open ask has a match.",
        ColMonth => "Month",
        ColCategory => "Category",
        ColArea => "Area",
        ColAsks => "Asks",
        ColFulfilled => "Fulfilled",
        ColOpen => "Open, no match",
        ColWaitingWeek => "Waiting over a week",
        ColGrouping => "Grouping",
        SaveReportCsv => "Save the report as CSV",
        ChartLegend => "Bar: asks. Darker part: fulfilled.",
    }
}

pub fn counted(msg: WorkCounted, form: Plural) -> &'static str {
    use WorkCounted::*;
    match (msg, form) {
        (AsksWaiting, Plural::One) => "{count} ask is waiting for a match",
        (AsksWaiting, Plural::Other) => "{count} asks are waiting for a match",
        (Days, Plural::One) => "{count} day",
        (Days, Plural::Other) => "{count} days",
        (Hours, Plural::One) => "{count} hour",
        (Hours, Plural::Other) => "{count} hours",
    }
}
