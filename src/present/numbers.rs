//! Every number a person reads, written one way: money, counts, shares, months and plain
//! numbers in the reader's language and currency, for the CLI, the chart labels, the text
//! alternatives and (through the wasm boundary) the page's prose.
//!
//! One style, chosen in issue 14: three significant digits in compact form ("$2.02M", "559k";
//! Indonesian as `Intl`'s compact notation for id-ID writes it, "US$2,02 jt"), halves rounded
//! away from zero on the shortest decimal text of the number, as `Intl.NumberFormat` does, so
//! that 1.25 reads "1.3" with one decimal everywhere. English writes thousands with a small
//! "k", as newsrooms and this project's charts always have; that letter is the one place this
//! module and `Intl` differ (tests/browser/numbers.test.mjs compares them digit for digit).
//! Negative numbers take a true minus sign (U+2212) and nothing ever reads "−0". Machine
//! outputs (goldens, CSV, JSON) keep full precision: [`fixed`] is their only text form.

/// The true minus sign, for reading (a hyphen-minus is for machines).
pub const MINUS: &str = "\u{2212}";
const NBSP: &str = "\u{a0}";

/// A language the page and the CLI write numbers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// English: "1,234.5", "$2.02M".
    En,
    /// Indonesian: "1.234,5", "US$2,02 jt".
    Id,
}

impl Locale {
    /// The locale for a language code ("en", "id", "id-ID"); None for any other.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.split(['-', '_']).next().unwrap_or("") {
            "en" => Some(Locale::En),
            "id" => Some(Locale::Id),
            _ => None,
        }
    }

    /// The decimal separator.
    pub fn decimal(self) -> char {
        match self {
            Locale::En => '.',
            Locale::Id => ',',
        }
    }

    /// The digit-group separator.
    pub fn group(self) -> char {
        match self {
            Locale::En => ',',
            Locale::Id => '.',
        }
    }

    /// The words for thousand, million, billion and trillion in compact form, each with the
    /// space that goes before it.
    fn magnitudes(self) -> [&'static str; 4] {
        match self {
            Locale::En => ["k", "M", "B", "T"],
            Locale::Id => ["\u{a0}rb", "\u{a0}jt", "\u{a0}M", "\u{a0}T"],
        }
    }
}

/// A currency the reader can choose; the model always counts in US dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// US dollars.
    Usd,
    /// Indonesian rupiah.
    Idr,
    /// Euros.
    Eur,
}

impl Currency {
    /// The currency for an ISO 4217 code ("USD", "IDR", "EUR"); None for any other.
    pub fn from_code(code: &str) -> Option<Currency> {
        match code {
            "USD" => Some(Currency::Usd),
            "IDR" => Some(Currency::Idr),
            "EUR" => Some(Currency::Eur),
            _ => None,
        }
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Idr => "IDR",
            Currency::Eur => "EUR",
        }
    }
}

/// How numbers are written for one reader: language, currency and the currency's assumed
/// rate per US dollar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberStyle {
    /// The language.
    pub locale: Locale,
    /// The display currency.
    pub currency: Currency,
    /// Units of `currency` per US dollar (1 for dollars).
    pub rate_per_usd: f64,
}

impl Default for NumberStyle {
    fn default() -> Self {
        NumberStyle::english()
    }
}

/// The decimal digits of a finite number's magnitude, from its shortest round-trip text:
/// value = 0.d₀d₁d₂… × 10^`int_len`. No leading zeros; zero has no digits.
#[derive(Debug, Clone, PartialEq)]
struct Digits {
    digits: Vec<u8>,
    int_len: i32,
}

impl Digits {
    fn of(value: f64) -> Digits {
        let text = format!("{:e}", value.abs());
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let mut digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits { digits, int_len: 0 };
        }
        Digits {
            digits,
            int_len: exponent + 1,
        }
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Keeps the first `keep` digits, rounding half away from zero ("half expand").
    fn round_keeping(mut self, keep: i32) -> Digits {
        if keep >= self.digits.len() as i32 {
            return self;
        }
        let round_up = keep >= 0 && self.digits[keep as usize] >= 5;
        self.digits.truncate(keep.max(0) as usize);
        if round_up {
            let mut i = self.digits.len();
            loop {
                if i == 0 {
                    // Every kept digit was a 9 (or none was kept): one unit at the place
                    // before the first kept digit.
                    self.digits.insert(0, 1);
                    self.int_len += 1;
                    if keep <= 0 {
                        self.int_len -= keep;
                    }
                    break;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.int_len = 0;
        }
        self
    }

    /// Rounds to `sig` significant digits.
    fn round_significant(self, sig: i32) -> Digits {
        self.round_keeping(sig)
    }

    /// Rounds to `decimals` digits after the point.
    fn round_fraction(self, decimals: i32) -> Digits {
        let keep = self.int_len + decimals;
        self.round_keeping(keep)
    }

    /// Multiplies by 10^`power` exactly.
    fn shifted(mut self, power: i32) -> Digits {
        if !self.is_zero() {
            self.int_len += power;
        }
        self
    }

    /// The text: integer part grouped when it has at least `min_grouped` digits, at least
    /// `min_decimals` digits after the point.
    fn text(&self, locale: Locale, min_grouped: usize, min_decimals: usize) -> String {
        let int_len = self.int_len.max(0) as usize;
        let mut integer: Vec<u8> = (0..int_len)
            .map(|i| self.digits.get(i).copied().unwrap_or(0))
            .collect();
        if integer.is_empty() {
            integer.push(0);
        }
        let mut fraction: Vec<u8> = Vec::new();
        if self.int_len < 0 {
            fraction.extend(std::iter::repeat_n(0, (-self.int_len) as usize));
        }
        fraction.extend(self.digits.iter().skip(int_len).copied());
        while fraction.len() < min_decimals {
            fraction.push(0);
        }
        let mut out = String::with_capacity(integer.len() + fraction.len() + 6);
        let grouped = integer.len() >= min_grouped;
        for (i, d) in integer.iter().enumerate() {
            if grouped && i > 0 && (integer.len() - i).is_multiple_of(3) {
                out.push(locale.group());
            }
            out.push(char::from(b'0' + d));
        }
        if !fraction.is_empty() {
            out.push(locale.decimal());
            out.extend(fraction.iter().map(|d| char::from(b'0' + d)));
        }
        out
    }
}

/// Plain numbers group from four integer digits ("5,080"); compact ones from five ("1200T",
/// "50,000T"), as CLDR's minimum grouping digits for compact notation say.
const PLAIN_GROUPING: usize = 4;
const COMPACT_GROUPING: usize = 5;

/// Digits rounded to three significant digits and written with a magnitude word.
fn compact_body(value: f64, locale: Locale) -> (bool, String) {
    let digits = Digits::of(value).round_significant(3);
    let magnitude = if digits.int_len >= 4 {
        (((digits.int_len - 1) / 3) as usize).min(4)
    } else {
        0
    };
    let scaled = digits.shifted(-3 * magnitude as i32);
    let mut body = scaled.text(locale, COMPACT_GROUPING, 0);
    if magnitude > 0 {
        body.push_str(locale.magnitudes()[magnitude - 1]);
    }
    (scaled.is_zero(), body)
}

/// Writes a non-finite number the way `Intl` does.
fn non_finite(value: f64) -> Option<String> {
    if value.is_nan() {
        Some("NaN".to_owned())
    } else if value.is_infinite() {
        Some(format!("{}∞", if value < 0.0 { MINUS } else { "" }))
    } else {
        None
    }
}

/// The sign to write before a number that rounded to `zero` or not.
fn sign(value: f64, rounded_to_zero: bool) -> &'static str {
    if value < 0.0 && !rounded_to_zero {
        MINUS
    } else {
        ""
    }
}

impl NumberStyle {
    /// English and US dollars: the CLI's and the goldens' style.
    pub const fn english() -> NumberStyle {
        NumberStyle {
            locale: Locale::En,
            currency: Currency::Usd,
            rate_per_usd: 1.0,
        }
    }

    /// The decimal separator.
    pub fn decimal(&self) -> char {
        self.locale.decimal()
    }

    /// The digit-group separator.
    pub fn group(&self) -> char {
        self.locale.group()
    }

    /// The currency's symbol as this language writes it ("$", "US$", "Rp", "IDR", "€").
    pub fn currency_symbol(&self) -> &'static str {
        match (self.locale, self.currency) {
            (Locale::En, Currency::Usd) => "$",
            (Locale::Id, Currency::Usd) => "US$",
            (Locale::En, Currency::Idr) => "IDR",
            (Locale::Id, Currency::Idr) => "Rp",
            (_, Currency::Eur) => "€",
        }
    }

    /// What goes before a money number: the symbol, and a no-break space after a word-like
    /// symbol ("Rp 5.080", "IDR 5,080"). Every supported pair writes the symbol first.
    fn money_prefix(&self) -> String {
        match self.currency {
            Currency::Idr => format!("{}{NBSP}", self.currency_symbol()),
            _ => self.currency_symbol().to_owned(),
        }
    }

    fn money_text(&self, value: f64, zero: bool, body: &str) -> String {
        format!("{}{}{body}", sign(value, zero), self.money_prefix())
    }

    /// Money for reading, from US dollars: three significant digits in compact form
    /// ("$2.02M", "−$560k", "$950", "US$2,02 jt").
    pub fn money(&self, usd: f64) -> String {
        let value = usd * self.rate_per_usd;
        if let Some(text) = non_finite(value) {
            return text;
        }
        let (zero, body) = compact_body(value, self.locale);
        self.money_text(value, zero, &body)
    }

    /// Money with all its digits and between `min_decimals` and `max_decimals` after the
    /// point ("$5,080", "$0.20"), for a parameter's value.
    pub fn money_full(&self, usd: f64, min_decimals: usize, max_decimals: usize) -> String {
        let value = usd * self.rate_per_usd;
        if let Some(text) = non_finite(value) {
            return text;
        }
        let digits = Digits::of(value).round_fraction(max_decimals.max(min_decimals) as i32);
        let zero = digits.is_zero();
        let body = digits.text(self.locale, PLAIN_GROUPING, min_decimals);
        self.money_text(value, zero, &body)
    }

    /// An axis tick of money whose neighbours are `step_usd` apart: the value's own magnitude
    /// word and as many decimals as the step needs ("$0", "$1.5M", "$2M").
    pub fn money_tick(&self, usd: f64, step_usd: f64) -> String {
        let value = usd * self.rate_per_usd;
        let step = step_usd * self.rate_per_usd;
        if let Some(text) = non_finite(value) {
            return text;
        }
        let (zero, body) = tick_body(value, step, self.locale, 3);
        self.money_text(value, zero, &body)
    }

    /// A count of people or customers: whole units below ten thousand ("3,000"), then three
    /// significant digits in compact form ("12.5k", "1.04M").
    pub fn count(&self, n: f64) -> String {
        if let Some(text) = non_finite(n) {
            return text;
        }
        if n.abs() < 10_000.0 {
            let digits = Digits::of(n).round_fraction(0);
            let zero = digits.is_zero();
            return format!(
                "{}{}",
                sign(n, zero),
                digits.text(self.locale, PLAIN_GROUPING, 0)
            );
        }
        let (zero, body) = compact_body(n, self.locale);
        format!("{}{body}", sign(n, zero))
    }

    /// Tick labels of a count axis, in one style for the whole axis: grouped digits ("7,500",
    /// "10,000") when every tick is a whole number below a hundred thousand, magnitude words
    /// ("250k", "19.6M") otherwise.
    pub fn count_ticks(&self, values: &[f64], step: f64) -> Vec<String> {
        let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        values
            .iter()
            .map(|&v| {
                if largest < 100_000.0 && step >= 1.0 {
                    self.number(v, 0)
                } else if v.abs() < 10_000.0 {
                    self.number(v, decimals_for_step(step))
                } else {
                    let (zero, body) = tick_body(v, step, self.locale, 2);
                    format!("{}{body}", sign(v, zero))
                }
            })
            .collect()
    }

    /// A share as a percentage with at most `decimals` decimals (0.365 -> "36.5%" with one).
    pub fn percent(&self, share: f64, decimals: usize) -> String {
        if let Some(text) = non_finite(share) {
            return text;
        }
        let digits = Digits::of(share).shifted(2).round_fraction(decimals as i32);
        let zero = digits.is_zero();
        format!(
            "{}{}%",
            sign(share, zero),
            digits.text(self.locale, PLAIN_GROUPING, 0)
        )
    }

    /// A share for a chart label: one decimal below 10%, none above ("4.5%", "36%").
    pub fn percent_short(&self, share: f64) -> String {
        let decimals = if (share * 100.0).abs() < 10.0 { 1 } else { 0 };
        self.percent(share, decimals)
    }

    /// An axis tick of shares whose neighbours are `step` apart ("12.5%", "15%").
    pub fn percent_tick(&self, share: f64, step: f64) -> String {
        self.percent(share, decimals_for_step(step * 100.0))
    }

    /// A plain number, grouped, with at most `decimals` decimals ("1,234.5").
    pub fn number(&self, value: f64, decimals: usize) -> String {
        self.plain(value, |d| d.round_fraction(decimals as i32), 0)
    }

    /// A plain number with exactly `decimals` decimals ("1.00", "0,20").
    pub fn number_fixed(&self, value: f64, decimals: usize) -> String {
        self.plain(value, |d| d.round_fraction(decimals as i32), decimals)
    }

    /// A number with three significant digits at most, plain ("1.25", "12.5", "250").
    pub fn number_short(&self, value: f64) -> String {
        self.plain(value, |d| d.round_significant(3), 0)
    }

    /// A plain number rounded by `round`, with a sign where it did not round to zero.
    fn plain(&self, value: f64, round: impl Fn(Digits) -> Digits, min_decimals: usize) -> String {
        if let Some(text) = non_finite(value) {
            return text;
        }
        let digits = round(Digits::of(value));
        format!(
            "{}{}",
            sign(value, digits.is_zero()),
            digits.text(self.locale, PLAIN_GROUPING, min_decimals)
        )
    }
}

/// Decimals needed to write multiples of `step` exactly (0 to 3).
fn decimals_for_step(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (0..=3)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(3)
}

/// An axis tick with a magnitude word: the magnitude of the value rounded to `sig` digits,
/// and the decimals its neighbours `step` apart need at that magnitude.
fn tick_body(value: f64, step: f64, locale: Locale, sig: i32) -> (bool, String) {
    let abs = value.abs();
    if abs < 1e-9 * step.abs().max(1.0) {
        return (true, "0".to_owned());
    }
    let rounded = Digits::of(abs).round_significant(sig);
    let magnitude = if rounded.int_len >= 4 {
        (((rounded.int_len - 1) / 3) as usize).min(4)
    } else {
        0
    };
    let power = 3 * magnitude as i32;
    let decimals = decimals_for_step(step / 10f64.powi(power));
    let digits = Digits::of(abs)
        .shifted(-power)
        .round_fraction(decimals as i32);
    let zero = digits.is_zero();
    let mut body = digits.text(locale, COMPACT_GROUPING, 0);
    if magnitude > 0 {
        body.push_str(locale.magnitudes()[magnitude - 1]);
    }
    (zero, body)
}

/// The fixed-precision text of a number for machine outputs (goldens, CSV): four decimals, a
/// hyphen-minus, no grouping, no negative zero. Rounded like every other number here (halves
/// away from zero on the shortest text), so one rounding routine serves people and machines.
pub fn fixed(value: f64) -> String {
    if let Some(text) = non_finite(value) {
        return text.replace(MINUS, "-");
    }
    let digits = Digits::of(value).round_fraction(4);
    let body = digits.text(Locale::En, usize::MAX, 4);
    if value < 0.0 && !digits.is_zero() {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(locale: Locale, currency: Currency) -> NumberStyle {
        NumberStyle {
            locale,
            currency,
            rate_per_usd: 1.0,
        }
    }

    #[test]
    fn money_has_three_significant_digits_in_compact_form() {
        let en = NumberStyle::english();
        assert_eq!(en.money(0.0), "$0");
        assert_eq!(en.money(-0.0), "$0");
        assert_eq!(en.money(950.0), "$950");
        assert_eq!(en.money(12_345.0), "$12.3k");
        assert_eq!(en.money(2_020_000.0), "$2.02M");
        assert_eq!(en.money(2_025_000.0), "$2.03M");
        assert_eq!(en.money(-15_261_127.0), "\u{2212}$15.3M");
        assert_eq!(en.money(999_500.0), "$1M");
        assert_eq!(en.money(99_950.0), "$100k");
        assert_eq!(en.money(3.4e9), "$3.4B");
        assert_eq!(en.money(1.2e15), "$1200T");
        assert_eq!(en.money(5e16), "$50,000T");
        assert_eq!(en.money(1.005), "$1.01");
        assert_eq!(en.money(-0.3), "\u{2212}$0.3");
    }

    #[test]
    fn indonesian_writes_as_intl_does() {
        let id = style(Locale::Id, Currency::Usd);
        assert_eq!(id.money(2_020_000.0), "US$2,02\u{a0}jt");
        assert_eq!(id.money(-1234.0), "\u{2212}US$1,23\u{a0}rb");
        assert_eq!(id.money(3e9), "US$3\u{a0}M");
        let idr = style(Locale::Id, Currency::Idr);
        assert_eq!(idr.money(1.2e12), "Rp\u{a0}1,2\u{a0}T");
        assert_eq!(idr.money_full(5080.5, 0, 2), "Rp\u{a0}5.080,5");
        let en_idr = style(Locale::En, Currency::Idr);
        assert_eq!(en_idr.money(2.5e6), "IDR\u{a0}2.5M");
        assert_eq!(
            style(Locale::Id, Currency::Eur).money(559_300.0),
            "€559\u{a0}rb"
        );
    }

    #[test]
    fn halves_round_away_from_zero_on_the_shortest_text() {
        let en = NumberStyle::english();
        assert_eq!(en.number(1.25, 1), "1.3");
        assert_eq!(en.number(1.35, 1), "1.4");
        assert_eq!(en.number(2.675, 1), "2.7");
        assert_eq!(en.number(-1.25, 1), "\u{2212}1.3");
        assert_eq!(en.number(-0.04, 1), "0");
        assert_eq!(en.number(0.96, 1), "1");
        assert_eq!(en.number(9.96, 1), "10");
        assert_eq!(en.number(0.06, 1), "0.1");
        assert_eq!(en.number(1e21, 0), "1,000,000,000,000,000,000,000");
        assert_eq!(en.percent(-0.0125, 1), "\u{2212}1.3%");
        assert_eq!(en.percent(0.365, 1), "36.5%");
        assert_eq!(style(Locale::Id, Currency::Usd).percent(0.365, 1), "36,5%");
    }

    #[test]
    fn counts_stay_whole_below_ten_thousand() {
        let en = NumberStyle::english();
        assert_eq!(en.count(1234.4), "1,234");
        assert_eq!(en.count(559_300.0), "559k");
        assert_eq!(en.count(1_040_000.0), "1.04M");
        assert_eq!(en.count(-0.4), "0");
        assert_eq!(style(Locale::Id, Currency::Usd).count(5080.0), "5.080");
    }

    #[test]
    fn ticks_take_the_decimals_their_step_needs() {
        let en = NumberStyle::english();
        assert_eq!(en.money_tick(0.0, 500_000.0), "$0");
        assert_eq!(en.money_tick(1_500_000.0, 500_000.0), "$1.5M");
        assert_eq!(en.money_tick(2_000_000.0, 500_000.0), "$2M");
        assert_eq!(en.money_tick(-1_250_000.0, 250_000.0), "\u{2212}$1.25M");
        assert_eq!(en.money_tick(750.0, 250.0), "$750");
        assert_eq!(
            en.count_ticks(&[0.0, 2500.0, 5000.0], 2500.0),
            ["0", "2,500", "5,000"]
        );
        assert_eq!(
            en.count_ticks(&[0.0, 250_000.0, 500_000.0], 250_000.0),
            ["0", "250k", "500k"]
        );
        assert_eq!(en.percent_tick(0.125, 0.025), "12.5%");
    }

    #[test]
    fn fixed_text_has_no_negative_zero() {
        assert_eq!(fixed(-0.00001), "0.0000");
        assert_eq!(fixed(2.5), "2.5000");
        assert_eq!(fixed(-1234567.00005), "-1234567.0001");
        assert_eq!(fixed(0.00005), "0.0001");
    }
}
