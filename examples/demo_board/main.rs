//! Writes the demo board a newcomer sees on first run: the posts in `content.rs`, plus a
//! community fridge, a pantry and a cooling centre with condition reports, a heat-wave check-in
//! roster, a pantry shift, a fund request with a pledge and a payout, a few matches and skills.
//! Every build writes it into the app (`scripts/post-build.sh`), dated back from the build day,
//! so the demo's asks are as fresh as the release.
//!
//! Usage: cargo run --example demo_board -- OUT.json

mod content;

use circle::model::{
    Audience, Board, CheckIn, CheckInDraft, Condition, Contact, ContactMethod, Day, DeviceId,
    EntryDraft, EntryKind, FundEntry, Match, Outcome, Partner, Person, PersonDraft, Post,
    PostDraft, PostKind, RecordId, ReportDraft, Resource, ResourceDraft, ResourceKind, Roster,
    Shift, ShiftDraft, Signer, Skill, SkillDraft, Snapshot, Stamp, Status, Stock, Visibility,
};
use content::{DemoPost, POSTS};

const DEVICE: DeviceId = DeviceId(0xC1_C1E0);
const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 24 * HOUR_MS;

/// Hands out the demo's ids and stamps in a fixed order, so the same day gives the same file.
struct Maker {
    today_ms: u64,
    next_id: u64,
    count: u32,
}

impl Maker {
    fn id(&mut self) -> RecordId {
        // A fixed odd multiplier scatters consecutive numbers over the id space.
        self.next_id += 1;
        RecordId::from_random(self.next_id.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// A stamp `days_ago` days and `hours` hours into that day.
    fn at(&mut self, days_ago: u32, hours: u64) -> Stamp {
        self.count += 1;
        Stamp::new(
            self.today_ms - u64::from(days_ago) * DAY_MS + hours * HOUR_MS,
            self.count,
            DEVICE,
        )
    }
}

/// The demo's people each sign with a key grown from their name: the same file every build,
/// and the posts verify like any neighbour's. These keys are public, so they prove nothing
/// beyond the demo.
fn signer_of(handle: &str) -> Signer {
    let mut seed = [0u8; 32];
    for (slot, byte) in seed
        .iter_mut()
        .zip(b"circle-demo:".iter().chain(handle.as_bytes()))
    {
        *slot = *byte;
    }
    Signer::from_seed(seed)
}

fn area_key(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

fn post(maker: &mut Maker, demo: &DemoPost) -> Post {
    let draft = PostDraft {
        kind: demo.kind,
        title: demo.title.to_string(),
        category: demo.category.to_string(),
        area: area_key(demo.area),
        contact: demo.contact.map(|(method, value, visibility)| Contact {
            method,
            value: value.to_string(),
            visibility,
        }),
        details: demo.details.to_string(),
        urgency: demo.urgency,
        quantity: demo.quantity,
        author: demo.author.to_string(),
        languages: vec![demo.language.to_string()],
        until: None,
        recurring: demo.category == "rides" && demo.kind == PostKind::Ask,
        private_note: String::new(),
    };
    let at = maker.at(demo.age_days, 9);
    Post::create_signed(draft, at, &signer_of(demo.author))
}

fn contact(method: ContactMethod, value: &str, visibility: Visibility) -> Option<Contact> {
    Some(Contact {
        method,
        value: value.to_string(),
        visibility,
    })
}

fn resource(
    maker: &mut Maker,
    kind: ResourceKind,
    name: &str,
    area: &str,
    hours: &str,
    accepts: &str,
    needs: &str,
) -> Resource {
    let draft = ResourceDraft {
        kind,
        name: name.to_string(),
        area: area_key(area),
        hours: hours.to_string(),
        accepts: accepts.to_string(),
        needs: needs.to_string(),
        serves: "Everyone, no questions asked / Todas las personas, sin preguntas".to_string(),
        languages: vec!["en".to_string(), "es".to_string()],
        contact: None,
        private_note: String::new(),
    };
    let id = maker.id();
    let at = maker.at(30, 8);
    Resource::create(id, draft, at)
}

/// The demo board as of the day containing `now_ms`.
fn demo_board(now_ms: u64) -> Board {
    let mut maker = Maker {
        today_ms: Day::from_ms(now_ms).start_ms(),
        next_id: 0,
        count: 0,
    };
    let mut board = Board::default();

    let posts: Vec<Post> = POSTS.iter().map(|demo| post(&mut maker, demo)).collect();
    for post in &posts {
        board.add_post(post.clone());
    }

    // Some of the board has moved on: a ride found a driver, soup reached Sam, a fan reached Kay.
    let find = |title: &str| {
        posts
            .iter()
            .find(|p| p.title.value.starts_with(title))
            .map(|p| p.id)
    };
    let author = |id: RecordId| {
        let handle = posts
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.author.clone())
            .unwrap_or_default();
        (signer_of(&handle), handle)
    };
    let (Some(dialysis), Some(rides), Some(meals), Some(fan)) = (
        find("Ride to dialysis"),
        find("Weekday rides"),
        find("Hot meals"),
        find("A box fan"),
    ) else {
        unreachable!("the demo content names these posts");
    };
    // Helpers answered, and the authors accepted: each step signed by the one who took it.
    for (ask, helper, hours) in [
        (dialysis, "Priya", 10),
        (meals, "Lupe", 11),
        (fan, "Chris", 12),
    ] {
        let at = maker.at(0, hours);
        board
            .respond(ask, at, helper, String::new(), None, &signer_of(helper))
            .ok();
    }
    let (dialysis_author, dialysis_handle) = author(dialysis);
    let at = maker.at(0, 13);
    board
        .match_ask(
            Match::create(
                maker.id(),
                dialysis,
                Partner::Offer(rides),
                dialysis_handle,
                String::new(),
                at,
            ),
            &dialysis_author,
        )
        .ok();
    let (meals_author, meals_handle) = author(meals);
    let at = maker.at(0, 14);
    board
        .match_ask(
            Match::create(
                maker.id(),
                meals,
                Partner::Volunteer("Lupe".into()),
                meals_handle,
                String::new(),
                at,
            ),
            &meals_author,
        )
        .ok();
    let (fan_author, fan_handle) = author(fan);
    let at = maker.at(0, 15);
    board
        .set_status(fan, Status::Matched, &fan_handle, at, &fan_author)
        .ok();
    let at = maker.at(0, 16);
    board
        .set_status(fan, Status::Fulfilled, &fan_handle, at, &fan_author)
        .ok();

    let fridge = resource(
        &mut maker,
        ResourceKind::Fridge,
        "Old Market community fridge",
        "Old Market",
        "Always open",
        "Sealed food, fresh fruit and vegetables, bread",
        "Milk, eggs, ready meals",
    );
    let pantry = resource(
        &mut maker,
        ResourceKind::Pantry,
        "Station Road food pantry",
        "Station Road",
        "Saturdays 10:00–13:00",
        "Tins, dry goods, hygiene items",
        "Cooking oil, nappies, volunteers to sort",
    );
    let cooling = resource(
        &mut maker,
        ResourceKind::CoolingCentre,
        "Hillcrest library cooling room",
        "Hillcrest",
        "Every day 12:00–20:00 during heat alerts",
        "",
        "Water bottles",
    );
    let (fridge_id, pantry_id) = (fridge.id, pantry.id);
    for resource in [fridge, pantry, cooling] {
        board.resources.insert(resource.id, resource);
    }
    let reports = [
        (
            fridge_id,
            2,
            Some(Stock::Full),
            Some(Condition::Good),
            "Restocked after the market",
        ),
        (
            fridge_id,
            0,
            Some(Stock::Low),
            Some(Condition::Dirty),
            "Shelf needs a wipe; only bread left",
        ),
        (pantry_id, 1, Some(Stock::Some), Some(Condition::Good), ""),
    ];
    for (resource, days_ago, stock, condition, note) in reports {
        let at = maker.at(days_ago, 15);
        let draft = ReportDraft {
            stock,
            condition,
            note: note.into(),
        };
        board
            .report(resource, draft, "Wen", at, &signer_of("Wen"))
            .expect("a live resource");
    }

    let created = maker.at(5, 9);
    let mut roster = Roster::create(
        maker.id(),
        "Heat wave check-ins / Visitas por calor".into(),
        area_key("Old Market"),
        created,
    );
    let people = [
        ("Mrs. Chen", "Lin (neighbour)", 24, Some(Outcome::Ok)),
        ("Don Ernesto", "Carmen", 24, Some(Outcome::NoAnswer)),
        ("Phil", "Irene", 48, None),
    ];
    for (name, volunteer, cadence_hours, last) in people {
        let at = maker.at(5, 10);
        let mut person = Person::create(
            PersonDraft {
                name: name.into(),
                contact: None,
                cadence_hours,
                volunteer: volunteer.into(),
                notes: String::new(),
            },
            at,
        );
        let person_id = maker.id();
        if let Some(outcome) = last {
            let at = maker.at(1, 14);
            let draft = CheckInDraft {
                outcome,
                note: String::new(),
                ask: None,
            };
            let place = (roster.id, person_id);
            let check_in = CheckIn::new(place, draft, volunteer, at, &signer_of(volunteer));
            person.check_ins.insert(check_in);
        }
        roster.people.insert(person_id, person);
    }
    board.rosters.insert(roster.id, roster);

    let at = maker.at(3, 9);
    let mut shift = Shift::create(
        maker.id(),
        ShiftDraft {
            task: "Sort donations at the pantry".into(),
            area: area_key("Station Road"),
            resource: Some(pantry_id),
            starts_ms: maker.today_ms + 2 * DAY_MS + 9 * HOUR_MS,
            minutes: 180,
            needed: 4,
        },
        at,
    );
    for who in ["Priya", "Jordan"] {
        let at = maker.at(2, 18);
        shift
            .sign_up(true, who, at, &signer_of(who))
            .expect("room on the shift");
    }
    board.shifts.insert(shift.id, shift);

    let at = maker.at(0, 10);
    let request = FundEntry::create(
        maker.id(),
        EntryDraft {
            kind: EntryKind::Request,
            amount: 9_500,
            purpose: "Electricity bill before Friday's shut-off (Familia Ortiz)".into(),
            request: None,
            by: "Riverside Fund".into(),
            private_note: String::new(),
        },
        at,
    );
    let request_id = request.id;
    board.fund.insert(request.id, request);
    let entries = [
        (EntryKind::Pledge, 5_000, "Gabe"),
        (EntryKind::Payout, 9_500, "Riverside Fund"),
    ];
    for (kind, amount, by) in entries {
        let at = maker.at(0, 14);
        let entry = FundEntry::create(
            maker.id(),
            EntryDraft {
                kind,
                amount,
                purpose: String::new(),
                request: Some(request_id),
                by: by.into(),
                private_note: String::new(),
            },
            at,
        );
        board.fund.insert(entry.id, entry);
    }

    let skills = [
        (
            "Lena",
            "Benefit forms and letters",
            "paperwork",
            "Riverside North",
            contact(ContactMethod::Email, "lena@example.org", Visibility::Public),
        ),
        (
            "Diego",
            "Reparación de teléfonos",
            "tech",
            "Old Market",
            None,
        ),
        (
            "Priya",
            "Driving, car with child seat",
            "rides",
            "Riverside North",
            None,
        ),
    ];
    for (handle, details, skill, area, contact) in skills {
        let at = maker.at(10, 9);
        let skill = Skill::create(
            maker.id(),
            SkillDraft {
                handle: handle.into(),
                skill: skill.into(),
                details: details.into(),
                area: area_key(area),
                languages: vec!["en".into(), "es".into()],
                contact,
            },
            at,
        );
        board.skills.insert(skill.id, skill);
    }
    board
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/demo-board.json".into());
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default();
    // As a member holding the group passphrase sees it: the invented check-in roster and group
    // contacts stay, anything private goes, as in any file that leaves a device.
    let board = demo_board(now_ms);
    if let Err(error) = std::fs::write(&out, Snapshot::encode(&board.redacted(Audience::Group))) {
        eprintln!("could not write {out}: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use circle::model::config::DEFAULT_CATEGORIES;

    /// The demo as a newcomer's device reads it: written, redacted and loaded back.
    fn as_published() -> Board {
        let board = demo_board(1_795_000_000_000).redacted(Audience::Group);
        Snapshot::decode(&Snapshot::encode(&board)).expect("the demo board is a valid snapshot")
    }

    #[test]
    fn the_demo_board_is_a_living_board_in_two_languages() {
        let board = as_published();
        assert!(board.posts().count() >= 30);
        for category in DEFAULT_CATEGORIES {
            assert!(
                board.posts().any(|post| post.category.value == category),
                "no demo post in {category}"
            );
        }
        for language in ["en", "es"] {
            assert!(
                board
                    .posts()
                    .filter(|post| post.languages.value.iter().any(|l| l == language))
                    .count()
                    >= 10
            );
        }
        assert!(board.resources().count() >= 3);
        assert!(board.rosters().count() >= 1);
        assert!(!board.fund.is_empty());
        assert!(board
            .posts()
            .any(|post| post.status.value == Status::Fulfilled));
    }

    #[test]
    fn the_demo_is_dated_back_from_the_day_it_is_written() {
        let day = 1_795_000_000_000;
        let board = as_published();
        let newest = board
            .posts()
            .map(|post| post.created.ms)
            .max()
            .unwrap_or_default();
        assert_eq!(Day::from_ms(newest), Day::from_ms(day));
        assert!(board
            .posts()
            .all(|post| post.created.ms <= newest && newest - post.created.ms < 30 * DAY_MS));
    }

    /// No group has a group key yet, so a group contact could never be read: the demo shows a
    /// mix a neighbour meets, contacts anyone may see and contacts kept private.
    #[test]
    fn the_demo_mixes_public_and_private_contacts_and_no_group_ones() {
        let count = |wanted: Visibility| {
            POSTS
                .iter()
                .filter(
                    |post| matches!(post.contact, Some((_, _, visibility)) if visibility == wanted),
                )
                .count()
        };
        assert_eq!(count(Visibility::Group), 0);
        assert!(count(Visibility::Public) > count(Visibility::Private));
        assert!(count(Visibility::Private) >= 5);
    }

    #[test]
    fn the_published_demo_holds_no_private_detail() {
        let text = Snapshot::encode(&as_published());
        for post in POSTS {
            if let Some((_, value, Visibility::Private)) = post.contact {
                assert!(
                    !text.contains(value),
                    "private contact {value} was published"
                );
            }
        }
    }
}
