# bulwark-test-now: 2026-06-01
import os

# expect: bulwark-invalid-suppression@24-99
DB_PASSWORD = "dev"  # bulwark-ignore secret-generic-password reason="local only" until=2025-12-31
# expect-not: bulwark-invalid-suppression
API_KEY = os.environ["API_KEY"]  # bulwark-ignore secret-generic-password reason="read from the environment"
# Several problems are reported together.
# expect: bulwark-invalid-suppression@2-59
#bulwark-ignore-file secret-generic-password until=someday
