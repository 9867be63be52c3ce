//! The one list cursor every list uses: a selected row among `len`, moved
//! and kept in view the same way everywhere.

/// The row after `selected`, staying on the last of `len`.
pub fn next(selected: usize, len: usize) -> usize {
    (selected + 1).min(len.saturating_sub(1))
}

/// The row before `selected`, staying on the first.
pub fn prev(selected: usize) -> usize {
    selected.saturating_sub(1)
}

/// The first row shown in a window of `rows` so that `selected` is in view
/// (at its bottom when the list has scrolled).
pub fn offset(selected: usize, rows: usize) -> usize {
    selected.saturating_sub(rows.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_stays_within_its_list_and_in_view() {
        assert_eq!(next(0, 3), 1);
        assert_eq!(next(2, 3), 2);
        assert_eq!(next(0, 0), 0);
        assert_eq!(prev(0), 0);
        assert_eq!(prev(2), 1);
        assert_eq!(offset(3, 10), 0);
        assert_eq!(offset(12, 10), 3);
        assert_eq!(offset(5, 0), 5);
    }
}
