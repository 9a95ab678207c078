import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/fds';

/**
 * The date the statement was last prepared. Lov nr. 692 af 8. juni 2018 (webtilgængelighedsloven)
 * § 4 requires a statement that is kept up to date; Digitaliseringsstyrelsen asks for a yearly
 * review. Change it when the list of gaps below changes.
 */
export const STATEMENT_PREPARED = '2026-11-29';
/** Where people report a problem (the authority operating the service) and complain (the supervising authority). */
export const CONTACT_URL = 'https://sundhedsdatastyrelsen.dk/';
export const ENFORCEMENT_URL = 'https://digst.dk/';
/** The known gaps, in the order the statement lists them (keys of accessibility.gaps). */
export const GAPS = ['screenReader', 'session', 'chart'] as const;

/**
 * Tilgængelighedserklæring (webtilgængelighedsloven § 4, directive (EU) 2016/2102 art. 7), public
 * like every Danish public-sector site's, in the structure of Digitaliseringsstyrelsen's WAS-tool
 * template: the site, the compliance status with the known gaps, how the statement was prepared,
 * how to report a problem, and the enforcement body.
 */
export function AccessibilityStatementPage() {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(new Date(`${STATEMENT_PREPARED}T12:00:00Z`));
  return (
    <>
      <PageHeading>{t('accessibility.title')}</PageHeading>
      <p className="font-lead">{t('accessibility.intro')}</p>
      <p>{t('accessibility.scope', { site: t('app.portal'), origin: window.location.origin })}</p>

      <h2>{t('accessibility.statusTitle')}</h2>
      <p>{t('accessibility.status')}</p>

      <h2>{t('accessibility.gapsTitle')}</h2>
      <p>{t('accessibility.gapsIntro')}</p>
      <ul>
        {GAPS.map((gap) => (
          <li key={gap}>{t(`accessibility.gaps.${gap}`)}</li>
        ))}
      </ul>

      <h2>{t('accessibility.preparedTitle')}</h2>
      <p>{t('accessibility.prepared', { date })}</p>

      <h2>{t('accessibility.feedbackTitle')}</h2>
      <p>{t('accessibility.feedback')}</p>
      <p>
        <a href={CONTACT_URL}>{t('accessibility.contact')}</a>
      </p>

      <h2>{t('accessibility.enforcementTitle')}</h2>
      <p>{t('accessibility.enforcement')}</p>
      <p>
        <a href={ENFORCEMENT_URL}>{t('accessibility.enforcementLink')}</a>
      </p>
    </>
  );
}
