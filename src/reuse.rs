//! Memory kept from one comment to the next: vectors of borrowed values recycled
//! for another lifetime. (The caches themselves are pooled in [`crate::pool`].)

/// An emptied vector as a vector of `U`, on the same allocation when `U` has the
/// layout of `T` (here: the same type, borrowing for another lifetime), so that
/// vectors of borrowed values can be kept between documents. Collecting a vector's
/// own iterator into a type of the same size and alignment reuses its buffer, and
/// an empty one yields nothing to convert.
// `filter_map` and not `filter`: the closure must name a value of the new type.
#[allow(clippy::unnecessary_filter_map)]
pub(crate) fn recycle<T, U>(mut values: Vec<T>) -> Vec<U> {
    values.clear();
    values.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recycled_vector_keeps_its_allocation() {
        let text = String::from("a b");
        let words: Vec<&str> = text.split(' ').collect();
        let (pointer, capacity) = (words.as_ptr() as usize, words.capacity());
        let again: Vec<&'static str> = recycle(words);
        assert!(again.is_empty());
        assert_eq!(
            (again.as_ptr() as usize, again.capacity()),
            (pointer, capacity)
        );
    }
}
