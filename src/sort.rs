//! Two small sorts for the whole crate. The standard library's sorts are fast but each use
//! with a new element type adds several kilobytes to the browser build; these two are a few
//! hundred bytes each and fast enough for what is sorted here (docs/PERFORMANCE.md).

use std::cmp::Ordering;

/// Sorts numbers ascending (by `f64::total_cmp`) in place: a heapsort, O(n log n) with no
/// allocation, for the Monte Carlo's thousands of draws.
pub fn sort_numbers(values: &mut [f64]) {
    fn sift_down(values: &mut [f64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && values[child].total_cmp(&values[child + 1]) == Ordering::Less {
                child += 1;
            }
            if values[root].total_cmp(&values[child]) != Ordering::Less {
                return;
            }
            values.swap(root, child);
            root = child;
        }
    }
    let n = values.len();
    for start in (0..n / 2).rev() {
        sift_down(values, start, n);
    }
    for end in (1..n).rev() {
        values.swap(0, end);
        sift_down(values, 0, end);
    }
}

/// Sorts a short list stably so that `before(a, b)` holds for no later `a` and earlier `b`:
/// an insertion sort, O(n²), for lists of tens of items (chart labels, tornado bars).
pub fn sort_short_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_out_ascending() {
        let mut values: Vec<f64> = (0..1000)
            .map(|i| ((i * 7919) % 1000) as f64 - 500.0)
            .collect();
        let mut expected = values.clone();
        expected.sort_by(f64::total_cmp);
        sort_numbers(&mut values);
        assert_eq!(values, expected);
        let mut few = [3.0, -1.0];
        sort_numbers(&mut few);
        assert_eq!(few, [-1.0, 3.0]);
        sort_numbers(&mut []);
    }

    #[test]
    fn short_sort_is_stable() {
        let mut items = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e')];
        sort_short_by(&mut items, |a, b| a.0 > b.0);
        assert_eq!(items, [(3, 'e'), (2, 'a'), (2, 'c'), (1, 'b'), (1, 'd')]);
    }
}
