//! The workspace in Spanish.

use super::{Plural, WorkCounted, WorkMsg};

pub fn text(msg: WorkMsg) -> &'static str {
    use WorkMsg::*;
    match msg {
        WorkspaceNav => "Espacio del grupo",
        WorkspaceTitle => "Espacio de trabajo del grupo",
        WorkspaceIntro => "Para las voluntarias, los voluntarios y la coordinación del grupo: emparejar pedidos con ofertas y ver qué necesita la gente. Trabaja sobre el mismo tablero que la página del tablero en este teléfono.",
        NavOverview => "Resumen",
        NavMatching => "Emparejar",
        NavReport => "Informe de necesidades",
        OverviewReport => "Qué pide la gente, mes a mes, por categoría y por zona, y qué sigue sin cubrirse.",
        MatchingTitle => "Emparejar",
        MatchingIntro => "Pedidos que aún esperan pareja, los más urgentes y antiguos primero. Las sugerencias salen de las ofertas abiertas y de las habilidades que la gente ofrece: primero la misma categoría, luego la zona, el momento y un idioma en común.",
        MatchingEmpty => "Todos los pedidos abiertos tienen pareja. Nada espera sin que se vea.",
        MatchingNotCoordinator => "Solo la coordinación del grupo puede emparejar. Para formar parte, da al grupo tu clave de autoría, que está en Ajustes.",
        UnmatchedList => "Pedidos que esperan pareja",
        PostedAgo => "Publicado {when}",
        SuggestionsFor => "Sugerencias para «{title}»",
        NoSuggestions => "Todavía ninguna oferta abierta ni habilidad comparte la categoría o la zona de este pedido.",
        ReasonCategory => "misma categoría",
        ReasonArea => "misma zona",
        ReasonTime => "a tiempo",
        ReasonLanguage => "idioma en común",
        SkillOf => "{handle}: {skill}",
        MatchButton => "Emparejar",
        MatchButtonLabel => "Emparejar «{ask}» con {partner}",
        Matched => "Se emparejó «{ask}» con {partner}. En el tablero, el pedido figura ahora «Con ayuda».",
        ErrMatchNotAllowed => "Solo quien publicó el pedido o la coordinación del grupo pueden emparejarlo. No se cambió nada.",
        ErrMatchNotOpen => "Este pedido ya no está abierto, así que no se emparejó. No se cambió nada.",
        ErrMatchGone => "Esa publicación ya no está en el tablero. No se cambió nada.",
        OpenAsk => "Abrir el pedido",
        ReportTitle => "Informe de necesidades",
        ReportIntro => "Solo cuenta pedidos: sin nombres, sin contactos, nada que alguien haya escrito. Un grupo puede mostrárselo a su ciudad.",
        ReportEmpty => "Todavía no hay pedidos en el tablero.",
        TotalAsks => "Pedidos",
        TotalFulfilled => "Cumplidos",
        ShareFulfilled => "Parte cumplida",
        MedianToMatch => "Tiempo mediano hasta emparejar",
        NoMatchYet => "aún sin emparejar",
        ByMonth => "Pedidos por mes",
        ByCategory => "Pedidos por categoría",
        ByArea => "Pedidos por zona",
        StillUnmet => "Lo que sigue sin cubrirse",
        NothingUnmet => "Todos los pedidos abiertos tienen pareja.",
        ColMonth => "Mes",
        ColCategory => "Categoría",
        ColArea => "Zona",
        ColAsks => "Pedidos",
        ColFulfilled => "Cumplidos",
        ColOpen => "Abiertos, sin pareja",
        ColWaitingWeek => "Esperan más de una semana",
        ColGrouping => "Agrupación",
        SaveReportCsv => "Guardar el informe como CSV",
        ChartLegend => "Barra: pedidos. Parte oscura: cumplidos.",
    }
}

pub fn counted(msg: WorkCounted, form: Plural) -> &'static str {
    use WorkCounted::*;
    match (msg, form) {
        (AsksWaiting, Plural::One) => "{count} pedido espera pareja",
        (AsksWaiting, Plural::Other) => "{count} pedidos esperan pareja",
        (Days, Plural::One) => "{count} día",
        (Days, Plural::Other) => "{count} días",
        (Hours, Plural::One) => "{count} hora",
        (Hours, Plural::Other) => "{count} horas",
    }
}
