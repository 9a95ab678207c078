import { Test } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/database';
import { AUDIT_MIGRATIONS, caseworker } from '../test/audit-database';
import { AuditCheckpoints, AuditLog, AuditModule, AuditVerifier } from './index';

describe('AuditModule', () => {
  it('wires the log, verifier and checkpoints onto the app DataSource', async () => {
    const url = await createTestDatabase('audit_module');
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url, migrations: AUDIT_MIGRATIONS, migrationsRun: true, installExtensions: false }),
        AuditModule.forRoot({ dataDir: mkdtempSync(join(tmpdir(), 'kp-audit-module-')) }),
      ],
    }).compile();
    try {
      const dataSource = moduleRef.get<DataSource>(getDataSourceToken());
      const event = await dataSource.transaction((m) =>
        moduleRef.get(AuditLog).append(m, { actor: caseworker, action: 'case.viewed', subject: { type: 'case', id: 'c' }, payload: {} }),
      );
      expect(await moduleRef.get(AuditCheckpoints).create()).toMatchObject({ seq: 1, hash: event.hash });
      const exported = await moduleRef.get(AuditCheckpoints).export();
      expect(await moduleRef.get(AuditVerifier).verify({ checkpoints: exported })).toMatchObject({ valid: true, headSeq: 1, checkpointsMatched: 1 });
    } finally {
      await moduleRef.close();
    }
  });
});
