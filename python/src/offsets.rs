//! UTF-8 byte offsets (the library's) as Python string indices (code points).

/// The code-point index of each byte offset of `text` in `offsets`, in the same
/// order. Offsets must fall on char boundaries (the library's spans always do).
///
/// One pass over the text: the offsets are sorted, then walked alongside the
/// chars. ASCII text needs no pass at all.
pub fn char_indices(text: &str, offsets: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        return offsets.to_vec();
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut result = vec![0; offsets.len()];
    let mut chars = text
        .char_indices()
        .map(|(byte, _)| byte)
        .enumerate()
        .peekable();
    let mut count = 0;
    for i in order {
        let target = offsets[i];
        // Count the chars that start before the target offset.
        while let Some(&(index, byte)) = chars.peek() {
            if byte >= target {
                break;
            }
            count = index + 1;
            chars.next();
        }
        result[i] = count;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::char_indices;

    #[test]
    fn bytes_become_code_points() {
        let text = "Élève 👍 fin";
        let offsets = [
            text.find("fin").unwrap(),
            0,
            text.len(),
            text.find('👍').unwrap(),
        ];
        assert_eq!(char_indices(text, &offsets), [8, 0, 11, 6]);
        assert_eq!(char_indices("abc", &[3, 1]), [3, 1]);
    }
}
