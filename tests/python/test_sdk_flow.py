"""The official 1099Policy Python SDK, unchanged, against the stand-in.

Runs the integration guide's flow (contractor -> entity -> job -> quote -> session,
then retrieving the quote) and checks the typed errors the SDK raises for a
duplicate email and a past effective date. `scripts/test` installs the SDK at the
pinned version into target/python and runs this file; the stand-in binary comes
from the test build in `scripts/test` (or `cargo build -p ten99-sandbox`).
"""

import os
import subprocess
import time
import unittest
import uuid
from pathlib import Path

import ten99policy
from ten99policy import error

ROOT = Path(__file__).resolve().parents[2]
SANDBOX = os.environ.get("TEN99_SANDBOX_BIN", str(ROOT / "target" / "debug" / "ten99-sandbox"))


def start_sandbox():
    process = subprocess.Popen(
        [SANDBOX, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline().strip()
    if not line.startswith("listening on "):
        process.kill()
        raise RuntimeError(f"the stand-in did not start: {line!r}")
    return process, line.removeprefix("listening on ")


class GuideFlow(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.process, base = start_sandbox()
        ten99policy.api_base = base
        ten99policy.api_key = f"t9sk_test_{uuid.uuid4()}"
        ten99policy.environment = "sandbox"
        ten99policy.log = None

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)

    def contractor(self, email):
        return ten99policy.Contractors.create(
            first_name="Contractor",
            last_name="Name",
            email=email,
            phone="415-474-9088",
            address={"line1": "1 Kearny", "locality": "San Francisco", "region": "CA", "postalcode": 94104},
        )

    def entity(self):
        return ten99policy.Entities.create(
            name="Lake View Bowl",
            coverage_limit={"aggregate_limit": "200000000", "occurrence_limit": "100000000"},
            address={"line1": "3639 18th St", "line2": "", "locality": "Chicago", "region": "IL", "postalcode": "60640"},
            required_coverage=["general", "workers-comp"],
        )

    def job(self, entity_id):
        category = ten99policy.JobCategories.list()[0]
        return ten99policy.Jobs.create(
            name="Field technician",
            description="Run cable from front of commercial building to rear.",
            duration_hours=20,
            wage=12000,
            years_experience=20,
            wage_type="flatfee",
            entity=entity_id,
            category_code=category["category_code"],
        )

    def test_the_guide_flow(self):
        contractor = self.contractor(f"flow-{uuid.uuid4().hex[:8]}@example.com")
        self.assertTrue(contractor["id"].startswith("cn_"))
        entity = self.entity()
        self.assertTrue(entity["id"].startswith("en_"))
        job = self.job(entity["id"])
        self.assertTrue(job["id"].startswith("jb_"))

        quote = ten99policy.Quotes.create(
            job=job["id"], contractor=contractor["id"], coverage_type=["workers-comp", "general"]
        )
        self.assertTrue(quote["id"].startswith("qt_"))
        self.assertGreater(quote["net_rate"], 0)
        self.assertGreater(quote["effective_date"], time.time())

        session = ten99policy.InsuranceApplicationSessions.create(
            quote=quote["id"], success_url="http://example.com/success", cancel_url="http://example.com/cancel"
        )
        self.assertTrue(session["id"].startswith("ias_"))
        self.assertIn(session["id"], session["url"])

        again = ten99policy.Quotes.retrieve(quote["id"])
        self.assertEqual(again["id"], quote["id"])
        self.assertEqual(again["net_rate"], quote["net_rate"])
        self.assertEqual(sorted(again["coverage_type"]), ["general", "workers-comp"])

    def test_duplicate_email_raises_its_typed_error(self):
        email = f"dup-{uuid.uuid4().hex[:8]}@example.com"
        self.contractor(email)
        with self.assertRaises(error.DuplicateEmailError):
            self.contractor(email)

    def test_past_effective_date_raises_its_typed_error(self):
        contractor = self.contractor(f"past-{uuid.uuid4().hex[:8]}@example.com")
        job = self.job(self.entity()["id"])
        with self.assertRaises(error.EffectiveDateInvalidError):
            ten99policy.Quotes.create(
                job=job["id"],
                contractor=contractor["id"],
                coverage_type=["general"],
                effective_date=int(time.time()) - 86400,
            )


if __name__ == "__main__":
    unittest.main()
