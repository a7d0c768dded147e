import { strict as assert } from 'node:assert';
import { decodeHeader, verify } from '../auth';

const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const UNSIGNED = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ2ZXNzZWwtcHJldmlldyIsImF1ZCI6Im9zcHJleS1wcmV2aWV3IiwiaWF0IjoxNzk2NjEwMTYwfQ.';

describe('token verification', () => {
  it('reads the header of any token', () => {
    assert.equal(decodeHeader(`${JWT_HEADER}.e30.`).alg, 'HS256');
  });
  it('refuses alg none', () => {
    assert.throws(() => verify(UNSIGNED, 'k'));
  });
});
