import { Outbox1763900000000 } from './1763900000000-Outbox';
import { Applications1763900100000 } from './1763900100000-Applications';
import { CaseWork1763900200000 } from './1763900200000-CaseWork';
import { Deadlines1763900300000 } from './1763900300000-Deadlines';
import { Decisions1763900400000 } from './1763900400000-Decisions';
import { CaseWorkExtras1763900500000 } from './1763900500000-CaseWorkExtras';
import { AuditTrail1795436316829 } from './1795436316829-AuditTrail';
import { RuleSetVersions1795436942365 } from './1795436942365-RuleSetVersions';
import { AuditBusinessTime1795500000000 } from './1795500000000-AuditBusinessTime';
import { CaseKind1795500100000 } from './1795500100000-CaseKind';
import { ScreeningLawDate1795500200000 } from './1795500200000-ScreeningLawDate';
import { ApplicationOrganisation1795500300000 } from './1795500300000-ApplicationOrganisation';
import { IdempotencyRequestHash1795500400000 } from './1795500400000-IdempotencyRequestHash';
import { SupplementAnswers1795500500000 } from './1795500500000-SupplementAnswers';
import { PermitConditions1795500600000 } from './1795500600000-PermitConditions';
import { WaitingPeriods1795500750000 } from './1795500750000-WaitingPeriods';
import { NotificationDelivery1795500800000 } from './1795500800000-NotificationDelivery';
import { StaffAddedBeforeSignIn1795500900000 } from './1795500900000-StaffAddedBeforeSignIn';
import { QueueIndexes1795500950000 } from './1795500950000-QueueIndexes';
import { CaseReadIndexes1795501000000 } from './1795501000000-CaseReadIndexes';
import { PartyHearings1795501100000 } from './1795501100000-PartyHearings';
import { DeliveryOrders1795501500000 } from './1795501500000-DeliveryOrders';
import { CaseNumberLast1795650000000 } from './1795650000000-CaseNumberLast';

/** Every migration, in order. Listed explicitly so the bundled app and the CLI run the same set. */
export const allMigrations = [Outbox1763900000000, Applications1763900100000, CaseWork1763900200000, Deadlines1763900300000, Decisions1763900400000, CaseWorkExtras1763900500000, AuditTrail1795436316829, RuleSetVersions1795436942365, AuditBusinessTime1795500000000, CaseKind1795500100000, ScreeningLawDate1795500200000, ApplicationOrganisation1795500300000, IdempotencyRequestHash1795500400000, SupplementAnswers1795500500000, PermitConditions1795500600000, WaitingPeriods1795500750000, NotificationDelivery1795500800000, StaffAddedBeforeSignIn1795500900000, QueueIndexes1795500950000, CaseReadIndexes1795501000000, PartyHearings1795501100000, DeliveryOrders1795501500000, CaseNumberLast1795650000000];
