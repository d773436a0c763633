//! The desk's charts, drawn with plotters' SVG backend. Bars use colours that read on
//! light and dark backgrounds alike; text and axes are rewritten to `currentColor`, so
//! they take the page's text colour in either theme.

use crate::premium::LINES;
use crate::table::StatusTable;
use coverdesk_ipc::compliance::{Chart, ChartRow, ComplianceStatus};
use plotters::prelude::*;
use std::collections::{BTreeSet, HashMap};
use ten99::time::DAY;
use ten99::{Cents, CoverageType};

const WIDTH: u32 = 720;
/// Entities in the status chart: the ones with most rows.
const TOP_ENTITIES: usize = 8;
const WEEKS: i64 = 12;

/// The statuses of staffed rows that have requirements, in the bars' stacking order.
const STACKED: [ComplianceStatus; 5] = [
    ComplianceStatus::Covered,
    ComplianceStatus::Expiring,
    ComplianceStatus::Pending,
    ComplianceStatus::Ineligible,
    ComplianceStatus::Missing,
];

fn colour(status: ComplianceStatus) -> RGBColor {
    match status {
        ComplianceStatus::Covered => RGBColor(0x2f, 0x9e, 0x5b),
        ComplianceStatus::Expiring => RGBColor(0xd9, 0xa5, 0x21),
        ComplianceStatus::Pending => RGBColor(0x4a, 0x7f, 0xd4),
        ComplianceStatus::Ineligible => RGBColor(0xe0, 0x7b, 0x39),
        _ => RGBColor(0xd6, 0x45, 0x45),
    }
}

fn line_colour(line: CoverageType) -> RGBColor {
    match line {
        CoverageType::WorkersComp => RGBColor(0x4a, 0x7f, 0xd4),
        CoverageType::General => RGBColor(0x2f, 0x9e, 0x5b),
        CoverageType::Professional => RGBColor(0x9b, 0x6b, 0xd1),
        CoverageType::Media => RGBColor(0xd9, 0xa5, 0x21),
        CoverageType::Cyber => RGBColor(0xe0, 0x7b, 0x39),
    }
}

/// Plotters draws text and axes black; the page decides their colour instead. The
/// picture itself is hidden from screen readers: its summary and figures speak for it.
fn themed(svg: String) -> String {
    svg.replace("\"#000000\"", "\"currentColor\"")
        .replace("<svg ", "<svg aria-hidden=\"true\" ")
}

/// "Harbor & Pine Property Management" → "Harbor & Pine Property…": room for the bars.
fn short(name: &str) -> String {
    const MAX: usize = 24;
    if name.chars().count() <= MAX {
        return name.to_owned();
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

impl StatusTable {
    pub fn charts(&self) -> Vec<Chart> {
        vec![
            self.status_by_entity(),
            self.expiring_per_week(),
            self.premium_per_month(),
        ]
    }

    /// Stacked bars: rows per status for the entities with most rows.
    fn status_by_entity(&self) -> Chart {
        let mut per_entity: HashMap<&str, (&str, [usize; 5])> = HashMap::new();
        for row in self.rows() {
            let Some(at) = STACKED.iter().position(|&s| s == row.status) else {
                continue;
            };
            per_entity
                .entry(row.entity.as_str())
                .or_insert((row.entity_name.as_str(), [0; 5]))
                .1[at] += 1;
        }
        let mut entities: Vec<(&str, [usize; 5])> = per_entity.into_values().collect();
        entities.sort_by(|a, b| {
            let total = |e: &(&str, [usize; 5])| e.1.iter().sum::<usize>();
            total(b).cmp(&total(a)).then(a.0.cmp(b.0))
        });
        entities.truncate(TOP_ENTITIES);
        let most = entities
            .iter()
            .map(|e| e.1.iter().sum::<usize>())
            .max()
            .unwrap_or(0)
            .max(1);
        let height = 80 + 34 * entities.len().max(1) as u32;
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
            let labels: Vec<String> = entities.iter().map(|e| short(e.0)).collect();
            let mut chart = ChartBuilder::on(&root)
                .margin(12)
                .x_label_area_size(28)
                .y_label_area_size(190)
                // Room on the right for the legend; a segmented 0..n has n + 1 slots.
                .build_cartesian_2d(
                    0..(most * 10).div_ceil(7),
                    (0..entities.len().max(1) - 1).into_segmented(),
                )
                .expect("the chart's ranges are not empty");
            chart
                .configure_mesh()
                .disable_y_mesh()
                .y_label_formatter(&|y| match y {
                    SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
                    _ => String::new(),
                })
                .x_desc("rows (contractor on a job)")
                .draw()
                .expect("drawing into a string cannot fail");
            for (at, &status) in STACKED.iter().enumerate() {
                let bars = entities.iter().enumerate().map(|(i, (_, counts))| {
                    let start: usize = counts[..at].iter().sum();
                    Rectangle::new(
                        [
                            (start, SegmentValue::Exact(i)),
                            (start + counts[at], SegmentValue::Exact(i + 1)),
                        ],
                        colour(status).filled(),
                    )
                });
                chart
                    .draw_series(bars)
                    .expect("drawing into a string cannot fail")
                    .label(status.label())
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour(status).filled())
                    });
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperRight)
                .background_style(TRANSPARENT)
                .border_style(TRANSPARENT)
                .draw()
                .expect("drawing into a string cannot fail");
            root.present().expect("drawing into a string cannot fail");
        }
        Chart {
            id: "status-by-entity".into(),
            title: "Coverage status by entity".into(),
            svg: themed(svg),
            summary: format!(
                "Stacked bars: for the {} entities with most contractors on jobs, how many rows are covered, expiring, awaiting an application, ineligible or missing.",
                entities.len()
            ),
            columns: std::iter::once("Entity".to_owned())
                .chain(STACKED.iter().map(|s| s.label().to_owned()))
                .collect(),
            rows: entities
                .iter()
                .map(|(name, counts)| ChartRow {
                    label: (*name).to_owned(),
                    values: counts.to_vec(),
                })
                .collect(),
        }
    }

    /// Bars: the policies that count for some row and end in each of the next 12 weeks.
    fn expiring_per_week(&self) -> Chart {
        let today = self.now.0.div_euclid(DAY);
        let mut seen = BTreeSet::new();
        let mut weeks = [0usize; WEEKS as usize];
        for line in self.rows().iter().flat_map(|row| &row.lines) {
            let (Some(policy), Some(until)) = (&line.policy, line.until) else {
                continue;
            };
            let week = (until.0.div_euclid(DAY) - today).div_euclid(7);
            if (0..WEEKS).contains(&week) && seen.insert(policy.as_str()) {
                weeks[week as usize] += 1;
            }
        }
        let week_label =
            |w: usize| ten99::UnixTime((today + 7 * w as i64) * DAY).to_ymd()[5..].to_owned();
        let most = weeks.iter().copied().max().unwrap_or(0).max(1);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, 300)).into_drawing_area();
            let mut chart = ChartBuilder::on(&root)
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(44)
                .build_cartesian_2d((0..WEEKS as usize - 1).into_segmented(), 0..most)
                .expect("the chart's ranges are not empty");
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(WEEKS as usize)
                .x_label_formatter(&|x| match x {
                    SegmentValue::CenterOf(w) => week_label(*w),
                    _ => String::new(),
                })
                .x_desc("week starting (month-day)")
                .y_desc("policies ending")
                .draw()
                .expect("drawing into a string cannot fail");
            chart
                .draw_series(weeks.iter().enumerate().map(|(w, &n)| {
                    let mut bar = Rectangle::new(
                        [(SegmentValue::Exact(w), 0), (SegmentValue::Exact(w + 1), n)],
                        colour(ComplianceStatus::Expiring).filled(),
                    );
                    bar.set_margin(0, 0, 6, 6);
                    bar
                }))
                .expect("drawing into a string cannot fail");
            root.present().expect("drawing into a string cannot fail");
        }
        Chart {
            id: "expiring-per-week".into(),
            title: "Policies ending per week, next 12 weeks".into(),
            svg: themed(svg),
            summary: format!(
                "Bars: how many policies that cover a contractor on a job end in each of the next 12 weeks; {} in all.",
                weeks.iter().sum::<usize>()
            ),
            columns: vec!["Week starting".into(), "Policies ending".into()],
            rows: weeks
                .iter()
                .enumerate()
                .map(|(w, &n)| ChartRow {
                    label: week_label(w),
                    values: vec![n],
                })
                .collect(),
        }
    }

    /// Stacked bars: each month's estimated premium, per line of cover.
    fn premium_per_month(&self) -> Chart {
        let premium = &self.premium;
        let dollars = |cents: Cents| usize::try_from((cents.0 + 50).div_euclid(100)).unwrap_or(0);
        let totals: Vec<usize> = premium
            .premium
            .iter()
            .map(|month| month.iter().map(|&c| dollars(c)).sum())
            .collect();
        let most = totals.iter().copied().max().unwrap_or(0).max(1);
        let months = premium.months.len().max(1);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (WIDTH, 320)).into_drawing_area();
            let mut chart = ChartBuilder::on(&root)
                .margin(12)
                .x_label_area_size(40)
                .y_label_area_size(64)
                // Headroom for the legend above the tallest bar.
                .build_cartesian_2d((0..months - 1).into_segmented(), 0..(most * 10).div_ceil(7))
                .expect("the chart's ranges are not empty");
            chart
                .configure_mesh()
                .disable_x_mesh()
                .x_labels(months)
                .x_label_formatter(&|x| match x {
                    SegmentValue::CenterOf(m) => {
                        premium.months.get(*m).cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                })
                .y_label_formatter(&|y| format!("${y}"))
                .x_desc("month the policy starts")
                .y_desc("premium, estimated")
                .draw()
                .expect("drawing into a string cannot fail");
            for (at, &line) in LINES.iter().enumerate() {
                let bars = premium.premium.iter().enumerate().map(|(m, month)| {
                    let start: usize = month[..at].iter().map(|&c| dollars(c)).sum();
                    let mut bar = Rectangle::new(
                        [
                            (SegmentValue::Exact(m), start),
                            (SegmentValue::Exact(m + 1), start + dollars(month[at])),
                        ],
                        line_colour(line).filled(),
                    );
                    bar.set_margin(0, 0, 6, 6);
                    bar
                });
                chart
                    .draw_series(bars)
                    .expect("drawing into a string cannot fail")
                    .label(line.label())
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 10, y + 5)], line_colour(line).filled())
                    });
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(TRANSPARENT)
                .border_style(TRANSPARENT)
                .draw()
                .expect("drawing into a string cannot fail");
            root.present().expect("drawing into a string cannot fail");
        }
        Chart {
            id: "premium-per-month".into(),
            title: "Premium per coverage line per month".into(),
            svg: themed(svg),
            summary: format!(
                "Stacked bars: the estimated premium (each line's rate on the job's pay) of the policies starting in each of {} months, per line of cover; ${} in all.",
                premium.months.len(),
                totals.iter().sum::<usize>()
            ),
            columns: std::iter::once("Month".to_owned())
                .chain(LINES.iter().map(|l| format!("{} ($)", l.label())))
                .collect(),
            rows: premium
                .months
                .iter()
                .zip(&premium.premium)
                .map(|(label, month)| ChartRow {
                    label: label.clone(),
                    values: month.iter().map(|&c| dollars(c)).collect(),
                })
                .collect(),
        }
    }
}
