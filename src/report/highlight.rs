//! Evidence highlighted in a document's text, as escaped HTML.

use super::escape;
use super::model::Mark;

/// The text as HTML with each usable, non-overlapping mark wrapped in `<mark>`.
///
/// The rule for overlaps and bad spans is documented on the `report` module:
/// by start, longer first; a span overlapping one already kept is dropped from the
/// highlighting; a span out of range or off a char boundary is dropped.
pub(crate) fn highlight_html(text: &str, marks: &[Mark]) -> String {
    let mut spans: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
        })
        .collect();
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    for m in spans {
        if m.start < pos {
            continue;
        }
        out.push_str(&escape(&text[pos..m.start]));
        out.push_str(&format!(
            "<mark class=\"{}\" title=\"{}\">",
            classes(m),
            escape(&title(m))
        ));
        out.push_str(&escape(&text[m.start..m.end]));
        out.push_str("</mark>");
        pos = m.end;
    }
    out.push_str(&escape(&text[pos..]));
    out
}

/// CSS classes: the role, and the direction of what the mark contributed.
pub(crate) fn classes(m: &Mark) -> String {
    let role: String = m
        .role
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let sign = if m.contribution < 0.0 {
        " neg"
    } else if m.contribution > 0.0 {
        " pos"
    } else {
        ""
    };
    format!("role-{role}{sign}")
}

/// Tooltip: role, entry, target or frame id, rules and contribution.
pub(crate) fn title(m: &Mark) -> String {
    let mut t = format!("{}: {}", m.role, m.entry);
    if let Some(id) = &m.id {
        t.push_str(&format!(" [{id}]"));
    }
    if !m.rules.is_empty() {
        t.push_str(&format!(" ({})", m.rules.join(", ")));
    }
    t.push_str(&format!(" {:+.2}", m.contribution));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, contribution: f64) -> Mark {
        Mark {
            start,
            end,
            role: "sentiment".into(),
            entry: "x".into(),
            id: None,
            rules: vec![],
            contribution,
        }
    }

    #[test]
    fn escapes_text_around_and_inside_marks() {
        let html = highlight_html("<b> & honte", &[mark(6, 11, -1.0)]);
        assert_eq!(
            html,
            "&lt;b&gt; &amp; <mark class=\"role-sentiment neg\" title=\"sentiment: x -1.00\">honte</mark>"
        );
    }

    #[test]
    fn overlaps_keep_the_first_longest_span() {
        let text = "une vraie honte";
        let html = highlight_html(
            text,
            &[mark(10, 15, -1.0), mark(4, 15, -1.0), mark(4, 9, 0.0)],
        );
        assert_eq!(html.matches("<mark").count(), 1);
        assert!(html.contains(">vraie honte</mark>"));
    }

    #[test]
    fn bad_spans_are_dropped_not_panicked_on() {
        let text = "été";
        let html = highlight_html(text, &[mark(1, 2, 0.0), mark(0, 99, 0.0), mark(3, 1, 0.0)]);
        assert_eq!(html, "été");
    }
}
