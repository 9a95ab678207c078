import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `rule_set_version` (migration RuleSetVersions1795436942365). Infrastructure only. */
@Entity({ name: 'rule_set_version' })
export class RuleSetVersionEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @PrimaryColumn({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  version: string;

  /** The plugin content exactly as loaded ({manifest, rules}); typed loosely for TypeORM's jsonb. */
  @Column({ type: 'jsonb' })
  content: object;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
