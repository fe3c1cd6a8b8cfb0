//! Byte-level mutation of real workbooks, shared by the fuzz regression test and the
//! long-running fuzzer (`cargo run --release --example fuzz_reader`).

#![allow(dead_code)]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// One mutation of `seed`: bit flips, byte runs overwritten, bytes inserted or deleted,
/// truncation, or a block copied from elsewhere in the file.
pub fn mutate(seed: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let mut b = seed.to_vec();
    let rounds = rng.random_range(1..=4);
    for _ in 0..rounds {
        if b.is_empty() {
            b.push(0);
        }
        let at = rng.random_range(0..b.len());
        match rng.random_range(0..6) {
            0 => b[at] ^= 1 << rng.random_range(0..8),
            1 => {
                let n = rng.random_range(1..16).min(b.len() - at);
                for x in &mut b[at..at + n] {
                    *x = rng.random();
                }
            }
            2 => {
                let n = rng.random_range(1..64);
                let ins: Vec<u8> = (0..n).map(|_| rng.random()).collect();
                b.splice(at..at, ins);
            }
            3 => {
                let n = rng.random_range(1..64).min(b.len() - at);
                b.drain(at..at + n);
            }
            4 => b.truncate(at.max(1)),
            _ => {
                let from = rng.random_range(0..b.len());
                let n = rng.random_range(1..256).min(b.len() - from).min(b.len() - at);
                let block = b[from..from + n].to_vec();
                b[at..at + n].copy_from_slice(&block);
            }
        }
    }
    b
}

pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}
