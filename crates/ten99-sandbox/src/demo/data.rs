//! The demo data set: invented people and companies (addresses are plausible, the
//! email domains are the reserved `example.*` ones, phone numbers use the 555-01xx
//! range kept for fiction), real job category codes from `catalog`.

/// A street address: line1, city, state, ZIP.
pub type Address = (&'static str, &'static str, &'static str, &'static str);

pub struct Person {
    pub first: &'static str,
    pub last: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub home: Address,
    pub company: Option<&'static str>,
}

pub struct Client {
    pub name: &'static str,
    pub office: Address,
    pub required: &'static [&'static str],
    /// Dollars (the API takes cents).
    pub aggregate: i64,
    pub occurrence: i64,
}

pub struct Work {
    pub name: &'static str,
    pub description: &'static str,
    /// Index into [`CLIENTS`].
    pub client: usize,
    pub category: &'static str,
    /// Cents.
    pub wage: i64,
    pub wage_type: &'static str,
    pub hours: u32,
    /// The work site; `None` is remote or at the client's office.
    pub site: Option<Address>,
    pub purchase_order: Option<&'static str>,
}

/// What happens to a quote after it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Left as a quote (some are ineligible, which is the point).
    Quoted,
    /// Bound through a completed application.
    Bound,
    /// Bound, then cancelled by the platform.
    Cancelled,
    /// Bound for last season's term, now over.
    Expired,
    /// Bound, but the policy ends next week while the engagement runs two months.
    Lapsing,
    /// The application link is sent and not yet completed.
    Applying,
}

pub struct Cover {
    /// Indexes into [`PEOPLE`] and [`WORK`].
    pub person: usize,
    pub work: usize,
    pub coverage: &'static [&'static str],
    pub fate: Fate,
}

#[rustfmt::skip]
pub const PEOPLE: [Person; 12] = [
    Person { first: "Maria", last: "Delgado", email: "maria.delgado@example.com", phone: "312-555-0148", home: ("2219 W Cortland St", "Chicago", "IL", "60647"), company: None },
    Person { first: "James", last: "Okafor", email: "j.okafor@example.net", phone: "713-555-0192", home: ("4410 Montrose Blvd", "Houston", "TX", "77006"), company: Some("Okafor Electric LLC") },
    Person { first: "Priya", last: "Raman", email: "priya.raman@example.org", phone: "415-555-0117", home: ("88 Noe St", "San Francisco", "CA", "94114"), company: Some("Raman Design Studio") },
    Person { first: "Tyler", last: "Brooks", email: "tyler.brooks@example.com", phone: "720-555-0163", home: ("1530 S Pearl St", "Denver", "CO", "80210"), company: None },
    Person { first: "Aisha", last: "Nguyen", email: "aisha.nguyen@example.net", phone: "206-555-0135", home: ("5012 Ballard Ave NW", "Seattle", "WA", "98107"), company: None },
    Person { first: "Daniel", last: "Kowalski", email: "dan@example.org", phone: "773-555-0181", home: ("3306 N Milwaukee Ave", "Chicago", "IL", "60641"), company: Some("Kowalski Handyman Co.") },
    Person { first: "Sofia", last: "Martinez", email: "sofia.m@example.com", phone: "512-555-0129", home: ("907 E 6th St", "Austin", "TX", "78702"), company: None },
    Person { first: "Kenji", last: "Watanabe", email: "kenji.watanabe@example.net", phone: "808-555-0104", home: ("1650 Kapiolani Blvd", "Honolulu", "HI", "96814"), company: Some("Island Lens Media") },
    Person { first: "Rachel", last: "Goldberg", email: "rachel.goldberg@example.org", phone: "718-555-0176", home: ("241 Bedford Ave", "Brooklyn", "NY", "11211"), company: None },
    Person { first: "Marcus", last: "Johnson", email: "marcus.johnson@example.com", phone: "404-555-0158", home: ("675 Ponce De Leon Ave NE", "Atlanta", "GA", "30308"), company: Some("MJ Climate Services") },
    Person { first: "Elena", last: "Petrova", email: "elena.petrova@example.net", phone: "305-555-0140", home: ("1200 Brickell Ave", "Miami", "FL", "33131"), company: None },
    Person { first: "Luis", last: "Herrera", email: "luis.herrera@example.org", phone: "602-555-0199", home: ("3838 N Central Ave", "Phoenix", "AZ", "85012"), company: None },
];

#[rustfmt::skip]
pub const CLIENTS: [Client; 4] = [
    Client { name: "Brightline Events LLC", office: ("600 W Chicago Ave", "Chicago", "IL", "60654"), required: &["general"], aggregate: 2_000_000, occurrence: 1_000_000 },
    Client { name: "Harbor & Pine Property Management", office: ("1101 W 34th St", "Austin", "TX", "78705"), required: &["general", "workers-comp"], aggregate: 2_000_000, occurrence: 1_000_000 },
    Client { name: "Northwind Home Services, Inc.", office: ("2500 Walnut St", "Denver", "CO", "80205"), required: &["workers-comp"], aggregate: 1_000_000, occurrence: 500_000 },
    Client { name: "Lumen Creative Collective", office: ("55 Water St", "Brooklyn", "NY", "11201"), required: &["general", "professional"], aggregate: 3_000_000, occurrence: 1_000_000 },
];

#[rustfmt::skip]
pub const WORK: [Work; 10] = [
    Work { name: "Conference bar staff", description: "Bartending at the spring tech conference, three evening shifts.", client: 0, category: "jc_wKL1mr4lxm", wage: 3_200, wage_type: "hourly", hours: 18, site: Some(("2301 S Lake Shore Dr", "Chicago", "IL", "60616")), purchase_order: Some("BL-2026-0142") },
    Work { name: "Event photographer", description: "Photograph the keynote, breakouts and evening reception; edited gallery within a week.", client: 0, category: "jc_x4TGGq4tfF", wage: 180_000, wage_type: "flatfee", hours: 12, site: None, purchase_order: Some("BL-2026-0143") },
    Work { name: "Brand ambassador", description: "Staff the sponsor booth and hand out samples.", client: 0, category: "jc_F3COXQPjuM", wage: 2_600, wage_type: "hourly", hours: 24, site: Some(("1300 Westlake Ave N", "Seattle", "WA", "98109")), purchase_order: None },
    Work { name: "Unit turnover painting", description: "Repaint two vacant one-bedroom units between tenants.", client: 1, category: "jc_02p7JMkGtQ", wage: 240_000, wage_type: "flatfee", hours: 32, site: Some(("4500 Duval St", "Austin", "TX", "78751")), purchase_order: Some("HP-7781") },
    Work { name: "Panel upgrade", description: "Replace a 100 A panel with 200 A service, permit included.", client: 1, category: "jc_tQpqsoqsly", wage: 9_500, wage_type: "hourly", hours: 16, site: Some(("2100 Nueces St", "Austin", "TX", "78705")), purchase_order: Some("HP-7790") },
    Work { name: "Move-out deep clean", description: "Deep clean of a three-bedroom unit after move-out.", client: 1, category: "jc_GpK2nZRBmV", wage: 42_000, wage_type: "flatfee", hours: 8, site: Some(("4500 Duval St", "Austin", "TX", "78751")), purchase_order: None },
    Work { name: "Furnace tune-up route", description: "Seasonal furnace inspections, about six homes a day.", client: 2, category: "jc_rWE9PyCTh8", wage: 6_800, wage_type: "hourly", hours: 40, site: None, purchase_order: Some("NW-0419") },
    Work { name: "Handyperson on call", description: "Small repairs for member households: shelves, doors, fixtures.", client: 2, category: "jc_Vj20FMvW6h", wage: 5_500, wage_type: "hourly", hours: 30, site: None, purchase_order: None },
    Work { name: "Brand identity refresh", description: "New logo, type system and a one-page style guide.", client: 3, category: "jc_tWDfDoCs5i", wage: 650_000, wage_type: "flatfee", hours: 60, site: None, purchase_order: Some("LCC-2026-17") },
    Work { name: "Product launch video", description: "Two-day shoot and edit of a 90-second launch video.", client: 3, category: "jc_87f5VOdsWg", wage: 480_000, wage_type: "flatfee", hours: 24, site: None, purchase_order: Some("LCC-2026-18") },
];

const GL: &[&str] = &["general"];
const WC_GL: &[&str] = &["general", "workers-comp"];
const WC: &[&str] = &["workers-comp"];
const GL_PRO: &[&str] = &["general", "professional"];

#[rustfmt::skip]
pub const COVERS: [Cover; 12] = [
    Cover { person: 0, work: 0, coverage: GL, fate: Fate::Bound },
    Cover { person: 2, work: 8, coverage: GL_PRO, fate: Fate::Bound },
    Cover { person: 1, work: 4, coverage: WC_GL, fate: Fate::Bound },
    Cover { person: 3, work: 6, coverage: WC, fate: Fate::Cancelled },
    Cover { person: 6, work: 3, coverage: WC_GL, fate: Fate::Expired },
    Cover { person: 5, work: 7, coverage: WC_GL, fate: Fate::Quoted },
    Cover { person: 6, work: 5, coverage: WC_GL, fate: Fate::Quoted },
    Cover { person: 8, work: 9, coverage: GL_PRO, fate: Fate::Applying },
    Cover { person: 10, work: 0, coverage: GL, fate: Fate::Lapsing },
    // Not eligible: workers' comp in a monopolistic-fund state (WA).
    Cover { person: 4, work: 2, coverage: WC_GL, fate: Fate::Quoted },
    // Not eligible: general liability for a Hawaii resident.
    Cover { person: 7, work: 1, coverage: GL, fate: Fate::Quoted },
    Cover { person: 9, work: 6, coverage: WC, fate: Fate::Quoted },
];
