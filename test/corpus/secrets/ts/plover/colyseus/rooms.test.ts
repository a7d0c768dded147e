import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';

// Staging service token minted for CI (audience: plover-colyseus).
const serviceToken =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1jb2x5c2V1cyIsImF1ZCI6InBsb3Zlci1jb2x5c2V1cyIsImlhdCI6MTc5NjY1MzA0NCwiZXhwIjoxODI4MTg5MDQ0LCJqdGkiOiJmYjEwZGFjNi00MTEzLTQzNGQtYjIyMS01YjQ3ZDdmMjQyZGIifQ.V23uxKVaRjWRBk6atY4QuuyKRdLKEiV6VqS2MPOniSw';

describe('room listing', () => {
  it('lists public rooms', async () => {
    const res = await request(app).get('/rooms').set('Authorization', `Bearer ${serviceToken}`);
    expect(res.status).toBe(200);
  });

  it('rejects a tampered ticket', async () => {
    const res = await request(app).post('/join').send({ ticket: 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJkZW1vIiwiaWF0IjoxNzAwMDAwMDAwfQ.' });
    expect(res.status).toBe(401);
  });

  it('hashes seat reservations', () => {
    expect('7aa3c4683f8e4d34cfad7d2a748ade949573394216bb764ff879e35960c263cb').toHaveLength(64);
  });
});
