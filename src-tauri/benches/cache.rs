//! Loads 100,000 contractors into a cache file and times what a list view does: a search
//! as typed (first page of 50 and the match count) and opening a page of 50 rows anywhere
//! in the list. Prints the median and p99 of each; the target is p99 under 5 ms.
//!
//! `cargo bench -p coverdesk --bench cache` (see README, Benchmarks).

#[path = "../../benches/figures.rs"]
mod figures;

use coverdesk::cache::Cache;
use figures::{report, Dice};
use std::time::Instant;
use ten99::{Address, Contractor};

const CONTRACTORS: usize = 100_000;
const PAGE: usize = 50;
const RUNS: usize = 1_000;

const FIRST: [&str; 24] = [
    "Ann", "Bob", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi",
    "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vik",
    "Wen", "Yara",
];
const LAST: [&str; 20] = [
    "Lee", "Parker", "Garcia", "Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski", "Haddad",
    "Tanaka", "Silva", "Murphy", "Cohen", "Novak", "Ibrahim", "Larsen", "Moreau", "Patel",
    "Santos", "Walsh",
];
const CITIES: [&str; 16] = [
    "Oakland", "Fresno", "Chicago", "Austin", "Denver", "Portland", "Boston", "Atlanta", "Phoenix",
    "Seattle", "Miami", "Detroit", "Tampa", "Reno", "Tucson", "Omaha",
];

fn contractor(n: usize, dice: &mut Dice) -> Contractor {
    let first = FIRST[dice.next(FIRST.len())];
    let last = LAST[dice.next(LAST.len())];
    Contractor {
        id: format!("cn_{n:08x}{:04x}", dice.next(0xffff)),
        first_name: first.into(),
        last_name: last.into(),
        middle_name: None,
        email: format!(
            "{}.{}{n}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        ),
        phone: "415-474-9088".into(),
        address: Address {
            line1: format!("{} Main St", n % 900 + 1),
            locality: CITIES[dice.next(CITIES.len())].into(),
            region: "CA".into(),
            postalcode: "94104".into(),
            ..Default::default()
        },
        company_name: n
            .is_multiple_of(3)
            .then(|| format!("{last} {} LLC", n % 1000)),
        custom_metadata: Default::default(),
        withhold_premium: false,
        created: 1_700_000_000 + n as i64,
    }
}

/// What people type: part of a name, a full name, a city, an email, an ID, a company.
fn search_text(dice: &mut Dice) -> String {
    let first = FIRST[dice.next(FIRST.len())];
    let last = LAST[dice.next(LAST.len())];
    match dice.next(6) {
        0 => first[..3.min(first.len())].to_owned(),
        1 => format!("{first} {last}"),
        2 => CITIES[dice.next(CITIES.len())].to_lowercase(),
        3 => format!(
            "{}.{}{}",
            first.to_lowercase(),
            last.to_lowercase(),
            dice.next(CONTRACTORS)
        ),
        4 => format!("cn_{:06x}", dice.next(CONTRACTORS)),
        _ => format!("{last} {} llc", dice.next(1000)),
    }
}

fn main() {
    let dir = std::env::temp_dir().join(format!("coverdesk-cache-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let cache = Cache::open(&dir.join("cache.sqlite")).expect("the cache opens");

    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let started = Instant::now();
    let all: Vec<Contractor> = (0..CONTRACTORS).map(|n| contractor(n, &mut dice)).collect();
    for batch in all.chunks(5_000) {
        cache.upsert_contractors(batch, 1).expect("upsert");
    }
    println!(
        "loaded {CONTRACTORS} contractors in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut searches = Vec::with_capacity(RUNS);
    let mut found = 0;
    for _ in 0..RUNS {
        let text = search_text(&mut dice);
        let started = Instant::now();
        let page = cache
            .page_contractors(Some(&text), 0, Some(PAGE))
            .expect("search");
        searches.push(started.elapsed());
        found += page.total;
    }
    let mut pages = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let offset = dice.next(CONTRACTORS - PAGE);
        let started = Instant::now();
        let page = cache
            .page_contractors(None, offset, Some(PAGE))
            .expect("page");
        pages.push(started.elapsed());
        assert_eq!(page.items.len(), PAGE);
    }
    report("search, first 50 + count", searches);
    println!("  (on average {} matches per search)", found / RUNS);
    report("page of 50 at any offset", pages);
    // COVERDESK_BENCH_KEEP=1 leaves the file for a look with `sqlite3`.
    if std::env::var_os("COVERDESK_BENCH_KEEP").is_some() {
        println!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
