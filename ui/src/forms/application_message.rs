//! The message an ops person sends a contractor with their application link.

/// Ready to paste into an email or chat: who, for which job, the link, and what happens.
pub fn application_message(first_name: &str, job: &str, entity: Option<&str>, url: &str) -> String {
    let greeting = match first_name.trim() {
        "" => "Hi,".to_owned(),
        name => format!("Hi {name},"),
    };
    let work = match entity.map(str::trim).filter(|e| !e.is_empty()) {
        Some(entity) => format!("your work as {} for {entity}", job.trim()),
        None => format!("your work as {}", job.trim()),
    };
    format!(
        "{greeting}\n\nTo get insured for {work}, please complete your insurance application here:\n{url}\n\n\
         It takes a few minutes: confirm your details, answer a few questions and sign. \
         Your coverage starts once the application is complete.\n\nThank you!"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_contractor_the_job_and_the_link() {
        let text = application_message(
            "Ann",
            "Field technician",
            Some("Lake View Bowl"),
            "https://apply.example.com/ias_1",
        );
        assert!(text.starts_with("Hi Ann,\n"));
        assert!(text.contains("as Field technician for Lake View Bowl"));
        assert!(text.contains("\nhttps://apply.example.com/ias_1\n"));
        let bare = application_message(" ", "Bookkeeper", None, "https://x.example/1");
        assert!(bare.starts_with("Hi,\n") && bare.contains("your work as Bookkeeper,"));
    }
}
