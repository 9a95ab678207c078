import { Client } from 'pg';
import { createTestDatabase } from './database';

describe('test database', () => {
  it('gives each test file its own PostgreSQL 15 database', async () => {
    const url = await createTestDatabase('smoke');
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    await client.end();
    expect(rows[0].v).toMatch(/^15\./);
  });
});
