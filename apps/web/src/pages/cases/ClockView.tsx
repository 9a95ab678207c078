import type { Schema } from '@kp/client';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/fds';
import { useDates } from '../use-dates';

/**
 * The statutory clock (EHDS art. 68(4): 3 months to decide, 4 weeks to complete), in Danish
 * working days: green, yellow at risk, red overdue. A pause while the applicant supplements moves
 * the due date, so it is said — to the applicant as "waiting for you".
 */
export function ClockView({ clock, forApplicant }: { clock: Schema<'Clock'>; forApplicant: boolean }) {
  const { t } = useTranslation();
  const { date } = useDates();
  if (clock.phase === 'stopped') return <>{t('clock.stopped', { date: date(clock.stoppedAt) })}</>;
  const variant = clock.overdue ? 'error' : clock.atRisk ? 'warning' : 'success';
  return (
    <>
      <Badge variant={variant}>{clock.overdue ? t('clock.overdue', { count: -clock.daysLeft }) : t('clock.daysLeft', { count: clock.daysLeft })}</Badge>{' '}
      {t(`clock.limit.${clock.limit}`, { date: date(clock.dueAt) })}
      {clock.paused && <strong className="d-block">{forApplicant ? t('clock.pausedForYou') : t('clock.paused')}</strong>}
      {clock.extendedBy > 0 && <span className="d-block form-hint">{t('clock.extended', { count: clock.extendedBy })}</span>}
    </>
  );
}

/** Whom the case (or one part) waits on, and by when. */
export function WaitingForList({ waiting, forApplicant }: { waiting: readonly Schema<'WaitingFor'>[]; forApplicant: boolean }) {
  const { t } = useTranslation();
  const { date } = useDates();
  if (waiting.length === 0) return <>{t('waiting.nobody')}</>;
  return (
    <ul className="nobullet-list">
      {waiting.map((wait) => (
        <li key={wait.party}>
          {forApplicant && wait.role === 'applicant' ? t('waiting.you') : partyName(t, wait.party)}
          {wait.deadline && <span className="form-hint"> — {t(`waiting.deadline.${wait.deadlineKind ?? 'statutory'}`, { date: date(wait.deadline) })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** `advisor:region-midtjylland` → "Rådgiver, Region Midtjylland"; `controller:29190925` → "Dataansvarlig (CVR 29190925)". */
export function partyName(t: (key: string, options?: Record<string, unknown>) => string, party: string): string {
  const [role, who] = party.split(':');
  if (role === 'advisor' && who) return t('waiting.advisorOf', { region: t(`regions.${who}`) });
  if (role === 'controller' && who) return t('waiting.controllerOf', { cvr: who });
  return t(`waiting.role.${role}`);
}
