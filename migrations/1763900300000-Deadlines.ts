import { MigrationInterface, QueryRunner } from 'typeorm';

export class Deadlines1763900300000 implements MigrationInterface {
  name = 'Deadlines1763900300000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
