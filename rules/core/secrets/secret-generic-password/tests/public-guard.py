import configparser

import urllib3

# Public code (test/corpus/public-code): names listed in a tuple pair up as nothing, though one of them is
# `Token` (Python's contextvars.py).
# expect-not: secret-generic-password
__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')
# expect-not: secret-generic-password
EXPORTS = [
    'Context',
    'Token', 'copy_context',
]

# snake_case names are names, as kebab-case ones are: an option of a config section (gsutil), an event (grpc).
config = configparser.ConfigParser()
# expect-not: secret-generic-password
gs_json_host = config.get('Credentials', 'gs_json_host', fallback=None)
# expect-not: secret-generic-password
_SEND_MESSAGE_TOKEN = "send_message"

# A list of flags: the flag after one named for a key is the next flag, not its value (gcloud).
# expect-not: secret-generic-password
REQUIRED = ['--certificate', '--private-key', '--display-name']


def create_job(password):
    """Creates the job.

    password: For security, specify it with a Secret Manager secret:
      # expect-not: secret-generic-password
      `projects/*/secrets/*/versions/*`.
    """
    return password

# A call's arguments do pair up: the value after a key named for a secret is still read.
# expect: secret-generic-password@76-96
HEADERS = urllib3.make_headers("Accept", "application/json", "X-Api-Key", "Zk4pW9qLr2Tx8vBn3Hs6")
