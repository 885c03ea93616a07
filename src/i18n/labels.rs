//! The message that names each value of the model's enums, so every screen words a status or an
//! urgency the same way.

use super::Msg;
use crate::model::{
    CloseReason, Condition, ContactMethod, PostKind, ResourceKind, Status, StatusFilter, Stock,
    Urgency, Visibility,
};

impl From<PostKind> for Msg {
    fn from(kind: PostKind) -> Self {
        match kind {
            PostKind::Ask => Msg::KindAsk,
            PostKind::Offer => Msg::KindOffer,
        }
    }
}

impl From<Urgency> for Msg {
    fn from(urgency: Urgency) -> Self {
        match urgency {
            Urgency::Today => Msg::UrgencyToday,
            Urgency::Days => Msg::UrgencyDays,
            Urgency::Week => Msg::UrgencyWeek,
            Urgency::Anytime => Msg::UrgencyAnytime,
        }
    }
}

impl From<Status> for Msg {
    fn from(status: Status) -> Self {
        match status {
            Status::Open => Msg::StatusOpen,
            Status::Matched => Msg::StatusMatched,
            Status::Fulfilled => Msg::StatusFulfilled,
            Status::Closed(CloseReason::Withdrawn) => Msg::StatusWithdrawn,
            Status::Closed(CloseReason::Expired) => Msg::StatusExpired,
            Status::Closed(CloseReason::Duplicate) => Msg::StatusDuplicate,
            Status::Closed(CloseReason::Referred) => Msg::StatusReferred,
        }
    }
}

impl From<ContactMethod> for Msg {
    fn from(method: ContactMethod) -> Self {
        match method {
            ContactMethod::Call => Msg::MethodCall,
            ContactMethod::Text => Msg::MethodText,
            ContactMethod::WhatsApp => Msg::MethodWhatsApp,
            ContactMethod::Signal => Msg::MethodSignal,
            ContactMethod::Email => Msg::MethodEmail,
        }
    }
}

impl From<Visibility> for Msg {
    fn from(visibility: Visibility) -> Self {
        match visibility {
            Visibility::Private => Msg::VisibilityPrivate,
            Visibility::Group => Msg::VisibilityGroup,
            Visibility::Public => Msg::VisibilityPublic,
        }
    }
}

impl From<StatusFilter> for Msg {
    fn from(filter: StatusFilter) -> Self {
        match filter {
            StatusFilter::Active => Msg::StatusActive,
            StatusFilter::Open => Msg::StatusOpen,
            StatusFilter::Matched => Msg::StatusMatched,
            StatusFilter::Fulfilled => Msg::StatusFulfilled,
            StatusFilter::Closed => Msg::StatusClosed,
        }
    }
}

impl From<ResourceKind> for Msg {
    fn from(kind: ResourceKind) -> Self {
        match kind {
            ResourceKind::Fridge => Msg::PlaceFridge,
            ResourceKind::FreeStore => Msg::PlaceFreeStore,
            ResourceKind::Pantry => Msg::PlacePantry,
            ResourceKind::Clinic => Msg::PlaceClinic,
            ResourceKind::CoolingCentre => Msg::PlaceCoolingCentre,
            ResourceKind::WarmingCentre => Msg::PlaceWarmingCentre,
            ResourceKind::Shelter => Msg::PlaceShelter,
            ResourceKind::Water => Msg::PlaceWater,
            ResourceKind::Laundry => Msg::PlaceLaundry,
            ResourceKind::Showers => Msg::PlaceShowers,
            ResourceKind::Other => Msg::PlaceOther,
        }
    }
}

impl From<Stock> for Msg {
    fn from(stock: Stock) -> Self {
        match stock {
            Stock::Empty => Msg::StockEmpty,
            Stock::Low => Msg::StockLow,
            Stock::Some => Msg::StockSome,
            Stock::Full => Msg::StockFull,
        }
    }
}

impl From<Condition> for Msg {
    fn from(condition: Condition) -> Self {
        match condition {
            Condition::Good => Msg::ConditionGood,
            Condition::Dirty => Msg::ConditionDirty,
            Condition::OutOfOrder => Msg::ConditionOutOfOrder,
            Condition::Gone => Msg::ConditionGone,
        }
    }
}
