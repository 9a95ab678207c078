import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { AuditVerifier, CopyOut, SEGMENT_COLUMNS } from '@kp/audit';
import { dataSourceOptions } from '@kp/persistence';
async function main() {
  const ds = new DataSource(dataSourceOptions(process.env.URL!));
  await ds.initialize();
  const v = new AuditVerifier(ds);
  for (let i = 0; i < 4; i++) {
    let t = Date.now(); const r = await v.verify({ workers: 0 }); const a = Date.now() - t;
    t = Date.now(); const r2 = await v.verify({ workers: 2 }); const b = Date.now() - t;
    t = Date.now();
    await ds.transaction(async (m) => { await m.query('SET LOCAL enable_sort = off'); const c = (await m.queryRunner!.connect()) as Client; await CopyOut.run(c, `COPY (SELECT ${SEGMENT_COLUMNS} FROM audit_event ORDER BY seq) TO STDOUT (FORMAT binary)`, () => true).done; });
    const cp = Date.now() - t;
    console.log('inline', a, 'workers2', b, 'copy only', cp, r.valid, r2.valid);
  }
  await ds.destroy();
}
main();
