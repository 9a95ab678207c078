import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseWork1763900200000 implements MigrationInterface {
  name = 'CaseWork1763900200000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
