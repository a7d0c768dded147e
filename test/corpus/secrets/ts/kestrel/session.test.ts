import { strict as assert } from 'node:assert';
import { signSession, verifySession } from '../src/session';

// Fixture values: the session key below signs the expected token; both are test data, but real-looking.
const SESSION_KEY = 'OHjGrkHkpk7xvnHJlEbt+33OPY039hoIZMsxAoMZyuk=';
const viewerToken =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ2aWV3ZXItODgyMTMiLCJwbGFuIjoicHJlbWl1bSIsImF1ZCI6Imtlc3RyZWwtcGxheWVyIiwiaWF0IjoxNzk2NTk1ODkwLCJleHAiOjE4MjgxMzU0OTB9.qFFbKfn5ovM9iqN9f7d3VYM3CZ0IlNbC7ts1LXaXuOQ';

describe('viewer sessions', () => {
  it('round-trips a session', () => {
    const token = signSession({ sub: 'viewer-88213' }, SESSION_KEY);
    assert.equal(verifySession(token, SESSION_KEY).sub, 'viewer-88213');
  });

  it('rejects an unsigned token', () => {
    const unsigned = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ2aWV3ZXItMSJ9.';
    assert.throws(() => verifySession(unsigned, SESSION_KEY));
  });

  it('accepts the recorded token', () => {
    assert.ok(verifySession(viewerToken, SESSION_KEY));
  });
});
