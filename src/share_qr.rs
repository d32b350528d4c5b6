//! The QR code of a share link as the projector draws it. The `qrcode`
//! crate encodes the text into modules; here they become SVG geometry: a
//! light square with the 4-module quiet zone that readers need to find a
//! code, and one path of the dark modules, a rectangle per run of dark
//! modules in a row (a few hundred path commands, not thousands of `<rect>`s).

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// Light modules around the code on every side: the QR standard's minimum.
pub const QUIET_ZONE: usize = 4;

/// The longest text (bytes) any QR code holds: version 40 at level L, in
/// byte mode, which a link's mixed-case base64 needs.
pub const MAX_BYTES: usize = 2953;

/// A QR code's modules, without the quiet zone, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPicture {
    width: usize,
    dark: Vec<bool>,
}

/// A row's stretch of dark modules, in modules from the picture's corner
/// (the quiet zone included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub x: usize,
    pub y: usize,
    pub len: usize,
}

/// Why a text has no QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrProblem {
    /// Even the largest code cannot hold `bytes` bytes (at most [`MAX_BYTES`]).
    TooLong { bytes: usize },
}

impl QrPicture {
    /// The code for `text`: at level M (a code still reads with 15 % of it
    /// lost to glare or a poor camera) when it fits, else at level L (7 %),
    /// which holds the most.
    pub fn encode(text: &str) -> Result<Self, QrProblem> {
        let code = QrCode::with_error_correction_level(text, EcLevel::M)
            .or_else(|_| QrCode::with_error_correction_level(text, EcLevel::L))
            .map_err(|_| QrProblem::TooLong { bytes: text.len() })?;
        Ok(Self {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// Modules across the code itself (21 for version 1, 4 more per version).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules across the whole picture: the code and its quiet zone.
    pub fn side(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// The SVG's viewBox: one unit per module.
    pub fn view_box(&self) -> String {
        let side = self.side();
        format!("0 0 {side} {side}")
    }

    /// Whether the module at column `x`, row `y` of the code (quiet zone
    /// excluded) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Every row's runs of dark modules, top to bottom, left to right.
    pub fn runs(&self) -> Vec<Run> {
        let mut runs = Vec::new();
        for (y, row) in self.dark.chunks(self.width).enumerate() {
            let mut x = 0;
            while x < row.len() {
                let len = row[x..].iter().take_while(|&&d| d).count();
                if len > 0 {
                    runs.push(Run {
                        x: x + QUIET_ZONE,
                        y: y + QUIET_ZONE,
                        len,
                    });
                }
                x += len.max(1);
            }
        }
        runs
    }

    /// The dark modules as one SVG path: `M x y h len v1 h -len z` per run.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for Run { x, y, len } in self.runs() {
            let _ = write!(d, "M{x} {y}h{len}v1h-{len}z");
        }
        d
    }
}

#[cfg(test)]
mod tests;
