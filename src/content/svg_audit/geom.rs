//! Where an SVG element is drawn: its transform (down the groups) and its bounding box in
//! the diagram's coordinates, from its geometry attributes or path data. Curves are bounded
//! by their control points: a box a little large, never one too small.

use std::str::FromStr;

/// An affine transform `[a b c d e f]`, as SVG writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix([f64; 6]);

impl Default for Matrix {
    fn default() -> Self {
        Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    }
}

impl Matrix {
    /// `self` followed by an element's `transform` attribute (unparsable: unchanged).
    pub(crate) fn then(self, transform: Option<&str>) -> Matrix {
        let Some(t) = transform.and_then(|t| svgtypes::Transform::from_str(t).ok()) else {
            return self;
        };
        let [a, b, c, d, e, f] = self.0;
        Matrix([
            a * t.a + c * t.b,
            b * t.a + d * t.b,
            a * t.c + c * t.d,
            b * t.c + d * t.d,
            a * t.e + c * t.f + e,
            b * t.e + d * t.f + f,
        ])
    }

    /// A point in the diagram's coordinates.
    pub(crate) fn apply(self, (x, y): (f64, f64)) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much lengths (a font size) grow.
    pub(crate) fn scale(self) -> f64 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bbox {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl Bbox {
    fn of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bbox> {
        let mut b: Option<Bbox> = None;
        for (x, y) in points {
            let n = b.get_or_insert(Bbox {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            });
            n.x0 = n.x0.min(x);
            n.y0 = n.y0.min(y);
            n.x1 = n.x1.max(x);
            n.y1 = n.y1.max(y);
        }
        b
    }

    /// Does the box hold this point?
    pub(crate) fn contains(&self, (x, y): (f64, f64)) -> bool {
        self.x0 <= x && x <= self.x1 && self.y0 <= y && y <= self.y1
    }

    /// Does the box hold all of `other`?
    pub(crate) fn covers(&self, other: &Bbox) -> bool {
        self.contains((other.x0, other.y0)) && self.contains((other.x1, other.y1))
    }
}

/// The box of a drawing element (`rect`, `circle`, `ellipse`, `line`, `polyline`,
/// `polygon`, `path`) in the diagram's coordinates; `None` for other elements.
pub(crate) fn bbox(
    tag: &str,
    attr: impl Fn(&str) -> Option<f64>,
    raw: Option<&str>,
    m: Matrix,
) -> Option<Bbox> {
    let n = |k: &str| attr(k).unwrap_or(0.0);
    let local: Vec<(f64, f64)> = match tag {
        "rect" => {
            let (x, y) = (n("x"), n("y"));
            let (w, h) = (n("width"), n("height"));
            vec![(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        }
        "circle" | "ellipse" => {
            let (cx, cy) = (n("cx"), n("cy"));
            let (rx, ry) = match tag {
                "circle" => (n("r"), n("r")),
                _ => (n("rx"), n("ry")),
            };
            vec![
                (cx - rx, cy - ry),
                (cx + rx, cy - ry),
                (cx - rx, cy + ry),
                (cx + rx, cy + ry),
            ]
        }
        "line" => vec![(n("x1"), n("y1")), (n("x2"), n("y2"))],
        "polyline" | "polygon" => svgtypes::PointsParser::from(raw.unwrap_or("")).collect(),
        "path" => path_points(raw.unwrap_or("")),
        _ => return None,
    };
    Bbox::of(local.into_iter().map(|p| m.apply(p)))
}

fn path_points(d: &str) -> Vec<(f64, f64)> {
    use svgtypes::SimplePathSegment as S;
    let mut out = Vec::new();
    for seg in svgtypes::SimplifyingPathParser::from(d) {
        match seg {
            Ok(S::MoveTo { x, y } | S::LineTo { x, y }) => out.push((x, y)),
            Ok(S::CurveTo {
                x1,
                y1,
                x2,
                y2,
                x,
                y,
            }) => out.extend([(x1, y1), (x2, y2), (x, y)]),
            Ok(S::Quadratic { x1, y1, x, y }) => out.extend([(x1, y1), (x, y)]),
            Ok(S::ClosePath) => {}
            Err(_) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_and_transforms() {
        let m = Matrix::default().then(Some("translate(10,20) scale(2)"));
        assert_eq!(m.apply((1.0, 1.0)), (12.0, 22.0));
        assert_eq!(m.scale(), 2.0);
        let b = bbox(
            "path",
            |_| None,
            Some("M0,0 l10,5 Q20,-4 30,0 z"),
            Matrix::default(),
        )
        .unwrap();
        assert_eq!((b.x0, b.y0, b.x1, b.y1), (0.0, -4.0, 30.0, 5.0));
        let r = bbox(
            "rect",
            |k| match k {
                "width" => Some(4.0),
                "height" => Some(2.0),
                _ => None,
            },
            None,
            m,
        )
        .unwrap();
        assert!(r.contains((15.0, 23.0)) && !r.contains((19.0, 23.0)));
    }
}
