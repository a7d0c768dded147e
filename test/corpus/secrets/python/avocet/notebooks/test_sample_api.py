import pytest
import requests

BASE = "https://lims-staging.avocet.bio/api/v2"


class TestSampleApi:
    service_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcWMtYm90IiwiaXNzIjoiaHR0cHM6Ly9saW1zLXN0YWdpbmcuYXZvY2V0LmJpbyIsInNjb3BlIjoic2FtcGxlczpyZWFkIHNhbXBsZXM6d3JpdGUiLCJpYXQiOjE3NjQyMDE2MDAsImV4cCI6MTc5NTczNzYwMH0.F7CM5q993eMXsqFbe3bZQllxgN74Zn0pSzpWxy1xYVw"

    @pytest.fixture
    def session(self):
        s = requests.Session()
        s.headers["Authorization"] = "Bearer " + self.service_token
        return s

    def test_lookup_tube(self, session):
        r = session.get(f"{BASE}/tubes/FR-00412-A03")
        assert r.status_code == 200

    @pytest.mark.parametrize("barcode", ["FR-00412-A03", "FR-00412-B11"])
    def test_chain_of_custody(self, session, barcode):
        assert session.get(f"{BASE}/tubes/{barcode}/custody").json()["events"]
