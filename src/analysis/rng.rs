//! A small seeded pseudo-random generator (xoshiro256** seeded through SplitMix64), so that
//! the model can be given randomness without depending on a crate or a clock: the same seed
//! always gives the same draws, natively and in the browser.

/// xoshiro256** (Blackman & Vigna): fast, statistically solid for simulation, not for secrets.
#[derive(Debug, Clone)]
pub struct Rng {
    state: [u64; 4],
}

impl Rng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        let mut sm = seed;
        let mut next = || {
            sm = sm.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = sm;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            state: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A draw from the triangular distribution on [low, high] with its peak at `mode`.
    pub fn triangular(&mut self, low: f64, mode: f64, high: f64) -> f64 {
        if high <= low {
            return mode;
        }
        let u = self.unit();
        let split = (mode - low) / (high - low);
        if u < split {
            low + ((high - low) * (mode - low) * u).sqrt()
        } else {
            high - ((high - low) * (high - mode) * (1.0 - u)).sqrt()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_fixes_the_sequence() {
        let a: Vec<u64> = (0..5)
            .scan(Rng::new(42), |r, _| Some(r.next_u64()))
            .collect();
        let b: Vec<u64> = (0..5)
            .scan(Rng::new(42), |r, _| Some(r.next_u64()))
            .collect();
        let c: Vec<u64> = (0..5)
            .scan(Rng::new(43), |r, _| Some(r.next_u64()))
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn triangular_draws_stay_in_range_and_centre_on_the_mean() {
        let mut rng = Rng::new(7);
        let n = 20_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let x = rng.triangular(1.0, 2.0, 6.0);
            assert!((1.0..=6.0).contains(&x));
            sum += x;
        }
        // The mean of a triangular distribution is (low + mode + high) / 3 = 3.
        assert!((sum / n as f64 - 3.0).abs() < 0.05, "{}", sum / n as f64);
    }
}
