//! Terminal colours as the pictures paint them: vt100's colours (the default, the 16 named
//! ones, the 256-colour palette, RGB) turned into `#rrggbb`.
//!
//! The 16 named colours come from one fixed palette (VS Code's dark terminal), not from
//! whatever terminal the pictures were made in, so the same screen always gives the same
//! bytes and reads well on a dark page.

/// The terminal's own background: what cells without a colour of their own sit on.
pub const BACKGROUND: &str = "#1e1e1e";

/// The terminal's own text colour.
pub const FOREGROUND: &str = "#cccccc";

/// Colours 0 to 15: black, red, green, yellow, blue, magenta, cyan, white, then the bright
/// eight in the same order (ratatui's `DarkGray` is 8, bright black).
const NAMED: [&str; 16] = [
    "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5", "#666666",
    "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
];

/// The six levels of each channel in the 6×6×6 cube (colours 16 to 231), as xterm has them.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// `colour` as `#rrggbb`; `default` stands for the terminal's own colour (foreground or
/// background, depending on where the cell uses it).
pub fn hex(colour: vt100::Color, default: &str) -> String {
    match colour {
        vt100::Color::Default => default.to_owned(),
        vt100::Color::Idx(i) => indexed(i),
        vt100::Color::Rgb(r, g, b) => rgb(r, g, b),
    }
}

/// One of the 256 indexed colours: the named 16, the cube, then 24 greys.
fn indexed(i: u8) -> String {
    match i {
        0..=15 => NAMED[usize::from(i)].to_owned(),
        16..=231 => {
            let n = usize::from(i - 16);
            rgb(CUBE[n / 36], CUBE[n / 6 % 6], CUBE[n % 6])
        }
        232..=255 => {
            let grey = 8 + 10 * (i - 232);
            rgb(grey, grey, grey)
        }
    }
}

fn rgb(r: u8, g: u8, b: u8) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use vt100::Color;

    #[test]
    fn the_default_is_whatever_the_cell_uses_it_for() {
        assert_eq!(hex(Color::Default, BACKGROUND), "#1e1e1e");
        assert_eq!(hex(Color::Default, FOREGROUND), "#cccccc");
    }

    #[test]
    fn named_colours_come_from_the_fixed_palette() {
        assert_eq!(hex(Color::Idx(1), FOREGROUND), "#cd3131");
        assert_eq!(hex(Color::Idx(6), FOREGROUND), "#11a8cd");
        assert_eq!(hex(Color::Idx(8), FOREGROUND), "#666666");
        assert_eq!(hex(Color::Idx(15), FOREGROUND), "#ffffff");
    }

    #[test]
    fn the_cube_and_the_greys_follow_xterm() {
        assert_eq!(hex(Color::Idx(16), FOREGROUND), "#000000");
        // 196 = 16 + 5·36: full red.
        assert_eq!(hex(Color::Idx(196), FOREGROUND), "#ff0000");
        // 110 = 16 + 2·36 + 3·6 + 4: levels 135, 175, 215.
        assert_eq!(hex(Color::Idx(110), FOREGROUND), "#87afd7");
        assert_eq!(hex(Color::Idx(231), FOREGROUND), "#ffffff");
        assert_eq!(hex(Color::Idx(232), FOREGROUND), "#080808");
        assert_eq!(hex(Color::Idx(255), FOREGROUND), "#eeeeee");
    }

    #[test]
    fn rgb_is_written_as_is() {
        assert_eq!(hex(Color::Rgb(1, 0xab, 255), BACKGROUND), "#01abff");
    }
}
