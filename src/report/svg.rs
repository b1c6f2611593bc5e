//! Inline SVG charts: plain bars, no script, readable without CSS.

use std::fmt::Write;

use super::escape;

/// One bar: a label, a value and a fill colour.
pub(crate) struct Bar<'a> {
    pub label: &'a str,
    pub value: usize,
    pub color: &'static str,
}

const LABEL_W: usize = 170;
const BAR_W: usize = 300;
const ROW_H: usize = 24;

/// Horizontal bars scaled to the largest value, each with its count.
pub(crate) fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW_H * bars.len().max(1) + 8;
    let width = LABEL_W + BAR_W + 60;
    let mut svg = open(title, width, height);
    for (i, bar) in bars.iter().enumerate() {
        let y = 4 + i * ROW_H;
        let w = bar.value * BAR_W / max;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            LABEL_W - 8,
            y + 16,
            escape(bar.label),
            ROW_H - 6,
            bar.color,
            escape(bar.label),
            bar.value,
            LABEL_W + w + 6,
            y + 16,
            bar.value
        );
    }
    if bars.is_empty() {
        svg.push_str("<text x=\"8\" y=\"18\">(none)</text>");
    }
    svg.push_str("</svg>");
    svg
}

/// One row per target, its documents split into stacked segments (against, none,
/// favor…), each segment as wide as its share.
pub(crate) fn stacked_chart(title: &str, rows: &[(&str, Vec<Bar>)]) -> String {
    let height = ROW_H * rows.len().max(1) + 8;
    let width = LABEL_W + BAR_W + 20;
    let mut svg = open(title, width, height);
    for (i, (label, segments)) in rows.iter().enumerate() {
        let y = 4 + i * ROW_H;
        let total: usize = segments.iter().map(|s| s.value).sum();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL_W - 8,
            y + 16,
            escape(label)
        );
        let mut x = LABEL_W;
        for seg in segments.iter().filter(|s| s.value > 0) {
            let w = (seg.value * BAR_W).checked_div(total).unwrap_or(0);
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
                ROW_H - 6,
                seg.color,
                escape(seg.label),
                seg.value
            );
            if w >= 24 {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" fill=\"#fff\">{}</text>",
                    x + 4,
                    y + 16,
                    seg.value
                );
            }
            x += w;
        }
    }
    if rows.is_empty() {
        svg.push_str("<text x=\"8\" y=\"18\">(no targets)</text>");
    }
    svg.push_str("</svg>");
    svg
}

fn open(title: &str, width: usize, height: usize) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"sans-serif\" font-size=\"13\"><title>{}</title>",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = bar_chart(
            "t",
            &[
                Bar {
                    label: "a<b",
                    value: 2,
                    color: "#000",
                },
                Bar {
                    label: "c",
                    value: 1,
                    color: "#000",
                },
            ],
        );
        assert!(svg.contains(&format!("width=\"{BAR_W}\"")));
        assert!(svg.contains(&format!("width=\"{}\"", BAR_W / 2)));
        assert!(svg.contains("a&lt;b"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn empty_charts_still_render() {
        assert!(bar_chart("t", &[]).contains("(none)"));
        assert!(stacked_chart("t", &[]).contains("(no targets)"));
    }
}
