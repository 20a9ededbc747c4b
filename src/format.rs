//! Number formatting shared by the charts and the CLI: short currency ("$1.2M"), months as
//! years, percentages, and the fixed-precision text of golden files. The page formats its
//! prose through the browser's Intl instead, so that every language groups digits its way.

/// Short US-dollar text: "$950", "$12k", "$1.2M", "-$3.40B". Three significant digits at most.
pub fn money_short(usd: f64) -> String {
    let sign = if usd < 0.0 { "-" } else { "" };
    let a = usd.abs();
    let (value, suffix) = if a >= 1e9 {
        (a / 1e9, "B")
    } else if a >= 1e6 {
        (a / 1e6, "M")
    } else if a >= 1e3 {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    let digits = if suffix.is_empty() || value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.digits$}");
    // "1.20M" reads better as "1.2M", and "3.00M" as "3M".
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{sign}${text}{suffix}")
}

/// Axis tick text for money: like [`money_short`] but "$0" for zero.
pub fn money_tick(usd: f64) -> String {
    if usd.abs() < 1e-9 {
        "$0".to_owned()
    } else {
        money_short(usd)
    }
}

/// A count with thin rounding: "1,234", "12.3k", "84.0M".
pub fn count_short(n: f64) -> String {
    let a = n.abs();
    let sign = if n < 0.0 { "-" } else { "" };
    if a >= 1e6 {
        format!("{sign}{:.1}M", a / 1e6)
    } else if a >= 1e4 {
        format!("{sign}{:.1}k", a / 1e3)
    } else {
        format!("{sign}{}", group_thousands(a.round() as u64))
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share as a percentage with `decimals` decimals: 0.4 -> "40%".
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{:.decimals$}%", share * 100.0)
}

/// Month ticks read as years: month 12 -> "1y", 18 -> "1.5y"; 0 -> "0".
pub fn month_tick(month: f64) -> String {
    if month.abs() < 1e-9 {
        return "0".to_owned();
    }
    let years = month / 12.0;
    if (years - years.round()).abs() < 1e-9 {
        format!("{}y", years.round() as i64)
    } else {
        format!("{years:.1}y")
    }
}

/// Fixed-precision text of a number for golden files: four decimals, no negative zero.
pub fn fixed(value: f64) -> String {
    let text = format!("{value:.4}");
    if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        text.trim_start_matches('-').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_like_a_newsroom_chart() {
        assert_eq!(money_short(0.0), "$0");
        assert_eq!(money_short(950.0), "$950");
        assert_eq!(money_short(12_345.0), "$12.3k");
        assert_eq!(money_short(1_200_000.0), "$1.2M");
        assert_eq!(money_short(-15_261_127.0), "-$15.3M");
        assert_eq!(money_short(3_000_000.0), "$3M");
        assert_eq!(money_short(250_000_000.0), "$250M");
        assert_eq!(money_short(3.4e9), "$3.4B");
    }

    #[test]
    fn months_read_as_years() {
        assert_eq!(month_tick(0.0), "0");
        assert_eq!(month_tick(12.0), "1y");
        assert_eq!(month_tick(18.0), "1.5y");
    }

    #[test]
    fn counts_and_fixed_text() {
        assert_eq!(count_short(1234.4), "1,234");
        assert_eq!(count_short(84_000_000.0), "84.0M");
        assert_eq!(fixed(-0.00001), "0.0000");
        assert_eq!(fixed(2.5), "2.5000");
        assert_eq!(percent(0.4, 0), "40%");
    }
}
