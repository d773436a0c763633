//! What the workspace's benchmarks share (each includes this file with `#[path]`): a
//! deterministic generator and the line of figures they print.

use std::time::Duration;

/// A small deterministic generator (xorshift), so every run times the same data.
pub struct Dice(pub u64);

impl Dice {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

/// Prints the median, p99 and max of `times`.
pub fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<28} median {:>6.3} ms   p99 {:>6.3} ms   max {:>6.3} ms   ({} runs)",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0)),
        times.len()
    );
}
