//! A share link as a QR code, drawn as SVG for the screen and for printed flyers. The `qrcode`
//! crate does the encoding; the drawing is ours, because its SVG writes every dark module as its
//! own square and sizes in pixels, while a flyer wants millimetres. Each run of dark modules in
//! a row is one stroke a module wide, with relative moves: half the text of squares.

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write;

/// The light margin every scanner needs around the symbol, in modules (the standard's minimum).
const QUIET_ZONE: usize = 4;
/// Print sizes are counted in half millimetres, so they stay whole numbers: phone cameras read
/// modules down to about 0.5 mm (one unit) at arm's length...
const MIN_MODULE_HALF_MM: usize = 1;
/// ...and small codes are still printed at least 50 mm wide, so they scan from across a table.
const MIN_SIDE_HALF_MM: usize = 100;

/// Why a link cannot become a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrError {
    /// Longer than the largest QR code holds (2,331 bytes at level M): share a file instead.
    TooLong,
}

/// The QR code of `link` (a whole URL) as an SVG document: error correction level M (15% of
/// the symbol may be smudged or folded), a four-module quiet zone, black on white, sized in
/// millimetres for print. On screen, CSS may scale it; `viewBox` keeps it sharp.
pub fn svg(link: &str) -> Result<String, QrError> {
    // Byte data at a level the crate supports only fails when it does not fit.
    let code =
        QrCode::with_error_correction_level(link, EcLevel::M).map_err(|_| QrError::TooLong)?;
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let side_half_mm = (side * MIN_MODULE_HALF_MM).max(MIN_SIDE_HALF_MM);
    // Whole millimetres print bare ("50mm"); an odd count of half millimetres ends in ".5".
    let mm = format!(
        "{}{}",
        side_half_mm / 2,
        if side_half_mm % 2 == 1 { ".5" } else { "" }
    );
    let mut svg = format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" "#,
            r#"width="{mm}mm" height="{mm}mm" shape-rendering="crispEdges">"#,
            r##"<rect width="{side}" height="{side}" fill="#fff"/><path stroke="#000" d=""##
        ),
        side = side,
        mm = mm,
    );
    let colors = code.into_colors();
    for (y, row) in colors.chunks(width).enumerate() {
        // Where the pen stands on this row, so the next run is a short relative move.
        let mut pen = None;
        let mut x = 0;
        while x < width {
            let run = row[x..]
                .iter()
                .take_while(|color| **color == Color::Dark)
                .count();
            if run > 0 {
                // Writing to a String cannot fail.
                let _ = match pen {
                    None => write!(svg, "M{} {}.5h{run}", x + QUIET_ZONE, y + QUIET_ZONE),
                    Some(end) => write!(svg, "m{} 0h{run}", x - end),
                };
                pen = Some(x + run);
            }
            x += run.max(1);
        }
    }
    svg.push_str(r#""/></svg>"#);
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_scalable_print_sized_symbol() {
        let svg = svg("https://example.org/circle/#c1.pp.AAAA").expect("short links fit");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        assert!(svg.contains("width=\"50mm\""));
        // The top-left finder pattern: a 7-module run on the first row, inside the quiet zone.
        assert!(svg.contains("d=\"M4 4.5h7m"));
        assert!(svg.ends_with("\"/></svg>"));
    }

    #[test]
    fn the_largest_symbol_prints_bigger_and_a_longer_link_is_refused() {
        let largest = svg(&"a".repeat(2_331)).expect("the largest symbol fits");
        // Version 40 (177 modules and the quiet zone) outgrows 50 mm at half a millimetre each.
        assert!(largest.contains("viewBox=\"0 0 185 185\""));
        assert!(largest.contains("width=\"92.5mm\" height=\"92.5mm\""));
        assert_eq!(svg(&"a".repeat(2_332)), Err(QrError::TooLong));
    }
}
