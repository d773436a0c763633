"""The official Python SDK's side of `scripts/bench-client` (not a test).

Runs the bench flow -- create a contractor, retrieve it, list contractors, create an
entity, a job and a quote -- FLOWS times, one request after another, through
`ten99policy` (unchanged, as tests/python installs it) against the stand-in at
TEN99_BENCH_BASE, with a fresh key so the account starts empty. Prints one line:

    RESULT client=sdk in_flight=1 flows=N requests=R seconds=S rps=X peak_rss_kib=K

Peak RSS is this process's high-water mark (VmHWM in /proc/self/status). The first
WARMUP flows (default 20) open the connection and fill caches and are not counted.
"""

import os
import time
import uuid

import ten99policy

FLOWS = int(os.environ.get("FLOWS", "500"))
WARMUP = int(os.environ.get("WARMUP", "20"))
# Requests per flow: contractor create, retrieve, list; entity, job, quote creates.
REQUESTS_PER_FLOW = 6


def peak_rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def flow(run, n, category_code):
    contractor = ten99policy.Contractors.create(
        first_name="Joe",
        last_name="Parker",
        email=f"bench-{run}-{n}@example.com",
        phone="415-474-9088",
        address={"line1": "1 Kearny St", "locality": "San Francisco", "region": "CA", "postalcode": "94104"},
    )
    again = ten99policy.Contractors.retrieve(contractor["id"])
    assert again["id"] == contractor["id"]
    assert len(ten99policy.Contractors.list()) >= 1
    entity = ten99policy.Entities.create(
        name="Apple, Inc",
        address={"line1": "1 Kearny St", "locality": "San Francisco", "region": "CA", "postalcode": "94104"},
        coverage_limit={"aggregate_limit": 200000000, "occurrence_limit": 100000000},
        required_coverage=["general", "workers-comp"],
    )
    job = ten99policy.Jobs.create(
        name="Field technician",
        description="Installs and repairs equipment on site",
        entity=entity["id"],
        category_code=category_code,
        wage=15000,
        wage_type="flatfee",
        duration_hours=8,
        address={"line1": "1 Kearny St", "locality": "San Francisco", "region": "CA", "postalcode": "94104"},
    )
    quote = ten99policy.Quotes.create(
        contractor=contractor["id"], job=job["id"], coverage_type=["general", "workers-comp"]
    )
    assert quote["id"].startswith("qt_")


def main():
    ten99policy.api_base = os.environ["TEN99_BENCH_BASE"]
    ten99policy.api_key = f"t9sk_test_bench-sdk-{uuid.uuid4()}"
    ten99policy.environment = "sandbox"
    ten99policy.log = None
    run = uuid.uuid4().hex[:8]
    category_code = ten99policy.JobCategories.list()[0]["category_code"]
    for n in range(WARMUP):
        flow(run, f"warm{n}", category_code)
    started = time.perf_counter()
    for n in range(FLOWS):
        flow(run, n, category_code)
    seconds = time.perf_counter() - started
    requests = FLOWS * REQUESTS_PER_FLOW
    print(
        f"RESULT client=sdk in_flight=1 flows={FLOWS} requests={requests} "
        f"seconds={seconds:.3f} rps={requests / seconds:.0f} peak_rss_kib={peak_rss_kib()}",
        flush=True,
    )


if __name__ == "__main__":
    main()
