import { MigrationInterface, QueryRunner } from 'typeorm';

export class Decisions1763900400000 implements MigrationInterface {
  name = 'Decisions1763900400000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
