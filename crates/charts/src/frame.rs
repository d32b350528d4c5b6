//! A chart's drawing box in viewBox units, and the rectangles drawn in it.

/// The whole drawing (`width` × `height`, viewBox units) and the margins
/// around its plot area, left for axes, ticks and labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The `viewBox` attribute for this drawing.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }

    /// The x where the plot area ends.
    pub fn plot_right(&self) -> f64 {
        self.width - self.right
    }

    /// The y of the x axis (the bottom of the plot area).
    pub fn baseline(&self) -> f64 {
        self.height - self.bottom
    }

    /// The middle of the plot area, where axis titles go.
    pub fn mid_x(&self) -> f64 {
        (self.left + self.plot_right()) / 2.0
    }

    /// The viewBox x under a pointer `offset` pixels from the left edge of
    /// the drawing as laid out on the page, `drawn_width` pixels wide.
    pub fn view_x(&self, offset: f64, drawn_width: f64) -> f64 {
        offset / drawn_width.max(1.0) * self.width
    }

    /// `x` kept inside the plot area.
    pub fn clamp_x(&self, x: f64) -> f64 {
        x.clamp(self.left, self.plot_right())
    }
}

/// An SVG `<rect>`: top-left corner and size, in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: Frame = Frame {
        width: 640.0,
        height: 270.0,
        left: 48.0,
        right: 16.0,
        top: 30.0,
        bottom: 44.0,
    };

    #[test]
    fn plot_area_and_view_box() {
        assert_eq!(F.view_box(), "0 0 640 270");
        assert_eq!(F.plot_right(), 624.0);
        assert_eq!(F.baseline(), 226.0);
        assert_eq!(F.mid_x(), 336.0);
        assert_eq!(F.clamp_x(0.0), 48.0);
        assert_eq!(F.clamp_x(700.0), 624.0);
    }

    #[test]
    fn pointer_offsets_map_to_view_box_units() {
        // Drawn at half size: 160 px on the page is 320 in the viewBox.
        assert_eq!(F.view_x(160.0, 320.0), 320.0);
        // A collapsed element does not divide by zero.
        assert_eq!(F.view_x(0.5, 0.0), 320.0);
    }
}
