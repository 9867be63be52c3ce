//! The approximate search a quote no longer found as written falls back on.

/// The substring of `text` nearest to `pattern` by edit distance (Sellers'
/// algorithm): its byte range and the number of edits.
pub(super) fn closest(text: &str, pattern: &str) -> (usize, usize, usize) {
    let pattern: Vec<char> = pattern.chars().collect();
    let m = pattern.len();
    // cost[i], start[i]: best edit count aligning pattern[..i] to a text
    // substring ending here, and where that substring starts (byte).
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut best = (0, 0, m);
    for (at, c) in text.char_indices() {
        let next_at = at + c.len_utf8();
        let (mut diagonal_cost, mut diagonal_start) = (cost[0], start[0]);
        cost[0] = 0;
        start[0] = next_at;
        for i in 1..=m {
            let (up_cost, up_start) = (cost[i], start[i]);
            let substitute = diagonal_cost + usize::from(pattern[i - 1] != c);
            let (mut best_cost, mut best_start) = (substitute, diagonal_start);
            if up_cost + 1 < best_cost {
                (best_cost, best_start) = (up_cost + 1, up_start);
            }
            if cost[i - 1] + 1 < best_cost {
                (best_cost, best_start) = (cost[i - 1] + 1, start[i - 1]);
            }
            (diagonal_cost, diagonal_start) = (up_cost, up_start);
            cost[i] = best_cost;
            start[i] = best_start;
        }
        if cost[m] < best.2 {
            best = (start[m], next_at, cost[m]);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_a_changed_word() {
        let text = "the quick brown fox jumps over the lazy dog";
        let (start, end, edits) = closest(text, "brown fax jumps");
        assert_eq!((&text[start..end], edits), ("brown fox jumps", 1));
    }
}
