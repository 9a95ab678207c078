import { Outbox1763900000000 } from './1763900000000-Outbox';
import { Applications1763900100000 } from './1763900100000-Applications';
import { AuditTrail1795436316829 } from './1795436316829-AuditTrail';
import { RuleSetVersions1795436942365 } from './1795436942365-RuleSetVersions';

/** Every migration, in order. Listed explicitly so the bundled app and the CLI run the same set. */
export const allMigrations = [Outbox1763900000000, Applications1763900100000, AuditTrail1795436316829, RuleSetVersions1795436942365];
