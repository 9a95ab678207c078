import { DataSource } from 'typeorm';
import { ApplicationOrganisation1795500300000 } from '../../migrations/1795500300000-ApplicationOrganisation';
import { createMigratedDatabase } from '../support/migrated-database';

/** Issue 10: drafts written with an organisation `type` get `country` and `sector`; submitted content stays as it was. */
describe('migration ApplicationOrganisation (PostgreSQL)', () => {
  let db: DataSource;
  const migration = new ApplicationOrganisation1795500300000();

  beforeAll(async () => {
    db = await createMigratedDatabase('migration_application_organisation');
  });
  afterAll(() => db.destroy());

  const insert = async (status: string, content: object): Promise<string> =>
    (await db.query(`INSERT INTO application (applicant_sub, status, content) VALUES ('r-1', $1, $2) RETURNING id`, [status, JSON.stringify(content)]))[0].id;
  const contentOf = async (id: string) => (await db.query(`SELECT content, version FROM application WHERE id = $1`, [id]))[0];
  const organisation = (type: string, fields: object = {}) => ({ title: 'T', applicant: { name: 'A', email: 'a@b.dk', organisation: { name: 'Org', cvr: '31119103', country: 'DK', type, ...fields } } });
  const runUp = async () => {
    const runner = db.createQueryRunner();
    try {
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  };

  it('rewrites the organisation type of drafts as country DK and sector, leaving a foreign organisation’s sector to the applicant', async () => {
    const research = await insert('draft', organisation('danish_public_research'));
    const authority = await insert('draft', organisation('danish_public_authority'));
    const company = await insert('draft', organisation('danish_private'));
    const foreign = await insert('draft', organisation('foreign', { name: 'Karolinska Institutet', cvr: undefined, country: 'SE' }));
    await runUp();

    expect((await contentOf(research)).content.applicant.organisation).toEqual({ name: 'Org', cvr: '31119103', country: 'DK', sector: 'public_research' });
    expect((await contentOf(authority)).content.applicant.organisation).toEqual({ name: 'Org', cvr: '31119103', country: 'DK', sector: 'public_authority' });
    expect((await contentOf(company)).content.applicant.organisation).toEqual({ name: 'Org', cvr: '31119103', country: 'DK', sector: 'private' });
    expect((await contentOf(foreign)).content.applicant.organisation).toEqual({ name: 'Karolinska Institutet', country: 'SE' });
    expect((await contentOf(company)).content.title).toBe('T');
    expect((await contentOf(company)).version).toBe(1);
  });

  it('rewrites a Danish partner’s type of a draft as its sector', async () => {
    const ids = await Promise.all(
      ['danish_public_research', 'danish_public_authority', 'non_commercial', 'danish_private'].map((type) =>
        insert('draft', { ...organisation('danish_private'), danishPartner: { name: 'P', cvr: '29979812', type } }),
      ),
    );
    await runUp();
    const sectors = await Promise.all(ids.map(async (id) => (await contentOf(id)).content.danishPartner));
    expect(sectors).toEqual(['public_research', 'public_authority', 'non_profit', 'private'].map((sector) => ({ name: 'P', cvr: '29979812', sector })));
  });

  it('leaves submitted and withdrawn applications as they were submitted (they are mapped when read)', async () => {
    const submitted = await insert('submitted', { ...organisation('danish_private'), danishPartner: { name: 'P', cvr: '29979812', type: 'non_commercial' } });
    const withdrawn = await insert('withdrawn', organisation('foreign'));
    await runUp();
    expect((await contentOf(submitted)).content.applicant.organisation.type).toBe('danish_private');
    expect((await contentOf(submitted)).content.danishPartner.type).toBe('non_commercial');
    expect((await contentOf(withdrawn)).content.applicant.organisation.type).toBe('foreign');
  });

  it('is idempotent, and down gives drafts their type back where the old form had one', async () => {
    const company = await insert('draft', { ...organisation('danish_private'), danishPartner: { name: 'P', cvr: '29979812', type: 'non_commercial' } });
    await runUp();
    await runUp();
    expect((await contentOf(company)).content.applicant.organisation).toEqual({ name: 'Org', cvr: '31119103', country: 'DK', sector: 'private' });

    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
    } finally {
      await runner.release();
    }
    expect((await contentOf(company)).content.applicant.organisation).toEqual({ name: 'Org', cvr: '31119103', country: 'DK', type: 'danish_private' });
    expect((await contentOf(company)).content.danishPartner).toEqual({ name: 'P', cvr: '29979812', type: 'non_commercial' });
  });
});
