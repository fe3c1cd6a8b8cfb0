//! The statistics of SPEC §4 that are not aggregations: the t quantile for 95 %
//! confidence intervals, quantiles by linear interpolation, and the percentile rank.

/// Two-sided 95 % critical values t(0.975, df) for df = 1..=30.
const T975: [f64; 30] = [
    12.706204736,
    4.302652730,
    3.182446305,
    2.776445105,
    2.570581836,
    2.446911851,
    2.364624252,
    2.306004135,
    2.262157163,
    2.228138852,
    2.200985160,
    2.178812830,
    2.160368656,
    2.144786688,
    2.131449546,
    2.119905299,
    2.109815578,
    2.100922040,
    2.093024054,
    2.085963447,
    2.079613845,
    2.073873068,
    2.068657610,
    2.063898562,
    2.059538553,
    2.055529439,
    2.051830516,
    2.048407142,
    2.045229642,
    2.042272456,
];

/// t(0.975, df): exact table values up to 30 degrees of freedom, beyond that the
/// Cornish–Fisher expansion around the normal quantile (error below 1e-6 for df > 30).
pub fn t975(df: u64) -> f64 {
    assert!(df >= 1, "t quantile needs at least one degree of freedom");
    if df <= 30 {
        return T975[df as usize - 1];
    }
    let z: f64 = 1.959963984540054;
    let v = df as f64;
    let (z3, z5, z7, z9) = (z.powi(3), z.powi(5), z.powi(7), z.powi(9));
    z + (z3 + z) / (4.0 * v)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * v.powi(3))
        + (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / (92160.0 * v.powi(4))
}

/// mean ± t(0.975, n − 1)·sd/√n; none when n < 2.
pub fn ci95(mean: f64, sd: f64, n: u64) -> Option<(f64, f64)> {
    if n < 2 {
        return None;
    }
    let half = t975(n - 1) * sd / (n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// The p-quantile of sorted values by linear interpolation between order statistics
/// (Hyndman–Fan type 7, the default of R and Excel's PERCENTILE.INC).
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// [`percentile_rank`] over values sorted ascending, by binary search: the same
/// counts (ties within 1e-9) in O(log N), so ranking every institution of a national
/// run against all others is not quadratic.
pub fn percentile_rank_sorted(value: f64, sorted: &[f64]) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    const EPS: f64 = 1e-9;
    let below = sorted.partition_point(|&v| v < value - EPS);
    let up_to = sorted.partition_point(|&v| v <= value + EPS);
    let equal = up_to.saturating_sub(below);
    Some(100.0 * (below as f64 + 0.5 * equal as f64) / sorted.len() as f64)
}

/// 100·(below + ½·equal)/N, where `values` holds all N institutions including this one.
pub fn percentile_rank(value: f64, values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    const EPS: f64 = 1e-9;
    let below = values.iter().filter(|&&v| v < value - EPS).count() as f64;
    let equal = values.iter().filter(|&&v| (v - value).abs() <= EPS).count() as f64;
    Some(100.0 * (below + 0.5 * equal) / values.len() as f64)
}

/// Sample mean and standard deviation (n − 1); sd is none for n < 2.
pub fn mean_sd(values: &[f64]) -> Option<(f64, Option<f64>)> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.len() >= 2).then(|| (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt());
    Some((mean, sd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_quantile_table_and_expansion() {
        assert!((t975(1) - 12.7062).abs() < 1e-4);
        assert!((t975(4) - 2.7764).abs() < 1e-4);
        assert!((t975(30) - 2.0423).abs() < 1e-4);
        // Reference values: t(0.975, 40) = 2.021075, t(0.975, 120) = 1.979930.
        assert!((t975(40) - 2.021075).abs() < 1e-5);
        assert!((t975(120) - 1.979930).abs() < 1e-5);
        assert!((t975(100_000) - 1.959985).abs() < 1e-5);
    }

    #[test]
    fn ci_of_five_scores_by_hand() {
        // Scores 50, 60, 70, 80, 90: mean 70, sd = sqrt(1000/4) = 15.8114,
        // half-width = 2.776445 * 15.8114 / sqrt(5) = 19.6324.
        let (m, sd) = mean_sd(&[50.0, 60.0, 70.0, 80.0, 90.0]).unwrap();
        let sd = sd.unwrap();
        assert!((m - 70.0).abs() < 1e-12);
        assert!((sd - 15.811388).abs() < 1e-6);
        let (lo, hi) = ci95(m, sd, 5).unwrap();
        assert!((lo - 50.3676).abs() < 1e-3, "{lo}");
        assert!((hi - 89.6324).abs() < 1e-3, "{hi}");
        assert_eq!(ci95(70.0, 0.0, 1), None);
    }

    #[test]
    fn quartiles_interpolate_linearly() {
        // 10, 20, 30, 40: P25 at h = 0.75 → 17.5; median 25; P75 at h = 2.25 → 32.5.
        let v = [10.0, 20.0, 30.0, 40.0];
        assert_eq!(quantile(&v, 0.25), Some(17.5));
        assert_eq!(quantile(&v, 0.5), Some(25.0));
        assert_eq!(quantile(&v, 0.75), Some(32.5));
        assert_eq!(quantile(&[7.0], 0.25), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn percentile_rank_counts_half_of_ties() {
        let v = [10.0, 20.0, 20.0, 40.0];
        // 20: below 1, equal 2 → 100 · 2 / 4 = 50.
        assert_eq!(percentile_rank(20.0, &v), Some(50.0));
        // 40: below 3, equal 1 → 87.5.
        assert_eq!(percentile_rank(40.0, &v), Some(87.5));
        assert_eq!(percentile_rank(10.0, &v), Some(12.5));
        // The binary-search form gives the same ranks on the sorted values.
        let mut sorted = v;
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for x in [20.0, 40.0, 10.0, 0.0, 25.0, 99.0, 20.0 + 1e-12] {
            assert_eq!(percentile_rank_sorted(x, &sorted), percentile_rank(x, &v), "{x}");
        }
    }
}
