//! The status of every (job, contractor), worked out once per cache change and kept in
//! memory, so a filter or a page is a scan of one vector rather than a query.

use crate::premium::MonthlyPremium;
use crate::records::Records;
use crate::rules::{worst, Pair};
use coverdesk_ipc::compliance::{
    ComplianceFilter, ComplianceRow, ComplianceStatus, EntityChoice, StatusCount,
};
use coverdesk_ipc::page::Page;
use std::collections::HashMap;
use ten99::time::DAY;
use ten99::{Entity, Session, SessionStep, UnixTime};

#[derive(Debug, Clone, Default)]
pub struct StatusTable {
    /// Worst first, then by entity, job and contractor name.
    rows: Vec<ComplianceRow>,
    entities: Vec<EntityChoice>,
    /// For the premium chart: worked out with the rows, once per cache change.
    pub premium: MonthlyPremium,
    pub now: UnixTime,
    pub warning_days: u32,
}

impl StatusTable {
    pub fn build(records: &Records, now: UnixTime, warning_days: u32) -> StatusTable {
        let today = now.0.div_euclid(DAY);
        let pairs = pairs(records);
        let entities: HashMap<&str, &Entity> = records
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect();
        let mut contractors_of: HashMap<&str, Vec<&str>> = HashMap::new();
        for &(job, contractor) in pairs.keys() {
            contractors_of.entry(job).or_default().push(contractor);
        }
        let mut rows = Vec::with_capacity(records.jobs.len());
        for job in &records.jobs {
            let entity = entities.get(job.entity.as_str());
            let required = entity
                .map(|e| e.required_coverage.as_slice())
                .unwrap_or(&[]);
            let row = |contractor: Option<&str>| ComplianceRow {
                job: job.id.clone(),
                job_name: job.name.clone(),
                entity: job.entity.clone(),
                entity_name: entity.map_or_else(|| job.entity.clone(), |e| e.name.clone()),
                contractor: contractor.map(str::to_owned),
                contractor_name: contractor.map(|id| {
                    records
                        .contractor_names
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| id.to_owned())
                }),
                limit: entity.and_then(|e| e.coverage_limit),
                engagement_end: None,
                lines: Vec::new(),
                status: ComplianceStatus::Unstaffed,
            };
            let Some(contractors) = contractors_of.get_mut(job.id.as_str()) else {
                rows.push(row(None));
                continue;
            };
            contractors.sort_unstable();
            for &contractor in contractors.iter() {
                let pair = &pairs[&(job.id.as_str(), contractor)];
                let mut row = row(Some(contractor));
                row.engagement_end = pair.engagement_end();
                row.lines = required
                    .iter()
                    .map(|&line| pair.line(line, today, warning_days))
                    .collect();
                row.status = worst(&row.lines);
                rows.push(row);
            }
        }
        rows.sort_by(|a, b| {
            (a.status, &a.entity_name, &a.job_name, &a.contractor_name).cmp(&(
                b.status,
                &b.entity_name,
                &b.job_name,
                &b.contractor_name,
            ))
        });
        let mut entities: Vec<EntityChoice> = records
            .entities
            .iter()
            .map(|e| EntityChoice {
                id: e.id.clone(),
                name: e.name.clone(),
            })
            .collect();
        entities.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        StatusTable {
            rows,
            entities,
            premium: MonthlyPremium::from_records(records, now),
            now,
            warning_days,
        }
    }

    /// Every row, worst first (the report and the charts read them all).
    pub fn rows(&self) -> &[ComplianceRow] {
        &self.rows
    }

    pub fn entities(&self) -> &[EntityChoice] {
        &self.entities
    }

    /// `limit` rows from `offset` of those the filter keeps, and per status the rows the
    /// filter keeps without its status part (so each status button says how many rows it
    /// would show). One pass over the table for both.
    pub fn query(
        &self,
        filter: &ComplianceFilter,
        offset: usize,
        limit: usize,
    ) -> (Page<ComplianceRow>, Vec<StatusCount>) {
        let any_status = ComplianceFilter {
            status: None,
            ..filter.clone()
        };
        let mut counts = [0usize; ComplianceStatus::ALL.len()];
        let mut total = 0;
        let mut items = Vec::with_capacity(limit.min(256));
        for row in self.rows.iter().filter(|row| self.keeps(&any_status, row)) {
            let status = self.status_of(filter, row);
            counts[status_index(status)] += 1;
            if filter.status.is_some_and(|wanted| wanted != status) {
                continue;
            }
            if total >= offset && items.len() < limit {
                items.push(row.clone());
            }
            total += 1;
        }
        let counts = ComplianceStatus::ALL
            .into_iter()
            .zip(counts)
            .map(|(status, rows)| StatusCount { status, rows })
            .collect();
        (
            Page {
                total,
                offset,
                items,
            },
            counts,
        )
    }

    /// The row's status, or its line's when the filter names a line.
    fn status_of(&self, filter: &ComplianceFilter, row: &ComplianceRow) -> ComplianceStatus {
        match filter.coverage {
            Some(coverage) => row
                .lines
                .iter()
                .find(|line| line.coverage == coverage)
                .map_or(row.status, |line| line.status),
            None => row.status,
        }
    }

    fn keeps(&self, filter: &ComplianceFilter, row: &ComplianceRow) -> bool {
        if filter.entity.as_ref().is_some_and(|e| *e != row.entity) {
            return false;
        }
        if let Some(coverage) = filter.coverage {
            if !row.lines.iter().any(|line| line.coverage == coverage) {
                return false;
            }
        }
        if filter
            .status
            .is_some_and(|s| s != self.status_of(filter, row))
        {
            return false;
        }
        if let Some(days) = filter.expiring_within_days {
            let horizon = self.now.plus_days(i64::from(days));
            let ends_soon = row.lines.iter().any(|line| {
                filter.coverage.is_none_or(|c| c == line.coverage)
                    && line
                        .until
                        .is_some_and(|until| until >= self.now && until <= horizon)
            });
            if !ends_soon {
                return false;
            }
        }
        true
    }
}

fn status_index(status: ComplianceStatus) -> usize {
    ComplianceStatus::ALL
        .iter()
        .position(|&s| s == status)
        .expect("ALL holds every status")
}

/// Who works which job, and what is known about each pair (see the crate's rules).
fn pairs(records: &Records) -> HashMap<(&str, &str), Pair<'_>> {
    let mut pairs: HashMap<(&str, &str), Pair> = HashMap::new();
    let quotes: HashMap<&str, _> = records.quotes.iter().map(|q| (q.id.as_str(), q)).collect();
    let policies: HashMap<&str, _> = records
        .policies
        .iter()
        .map(|p| (p.policy.id.as_str(), p))
        .collect();
    for quote in &records.quotes {
        let pair = pairs.entry((&quote.job, &quote.contractor)).or_default();
        pair.quotes.push(quote);
    }
    for row in &records.policies {
        if let (Some(job), Some(contractor)) = (&row.job, &row.contractor) {
            let pair = pairs.entry((job, contractor)).or_default();
            pair.policies.push(row);
        }
    }
    for assignment in &records.assignments {
        let pair = pairs
            .entry((&assignment.job, &assignment.contractor))
            .or_default();
        pair.assignments.push(assignment);
        if assignment.cancelled {
            continue;
        }
        let named = assignment.policy.as_deref().and_then(|id| policies.get(id));
        if let Some(&policy) = named {
            if !pair
                .policies
                .iter()
                .any(|p| p.policy.id == policy.policy.id)
            {
                pair.policies.push(policy);
            }
        }
    }
    for session in records.sessions.iter().filter(|s| under_way(s)) {
        let quote = session.quote.as_deref().and_then(|id| quotes.get(id));
        if let Some(quote) = quote {
            let pair = pairs.entry((&quote.job, &quote.contractor)).or_default();
            pair.applying_for
                .extend(quote.coverage_type.iter().copied());
        }
    }
    pairs
}

/// An application link the contractor can still finish: not expired, not completed.
fn under_way(session: &Session) -> bool {
    let complete = session.step == Some(SessionStep::ApplicationComplete);
    !session.expired && !complete && session.policies.is_empty()
}
