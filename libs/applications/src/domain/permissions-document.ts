import { ROLES } from '@kp/auth';
import { CASE_STATES, LIFECYCLE, LifecycleRole } from './lifecycle';

/** Renders the lifecycle table as the Markdown permission matrix in docs/permissions.md. */
export function renderPermissionsDocument(): string {
  const roles: LifecycleRole[] = [...ROLES, 'system'];
  const header = `| state | ${roles.join(' | ')} |\n|---|${roles.map(() => '---').join('|')}|`;
  const rows = CASE_STATES.map((state) => `| \`${state}\` | ${roles.map((role) => (LIFECYCLE[state][role] ?? []).join(', ') || '—').join(' | ')} |`);
  return [
    '# Permission matrix',
    '',
    'Generated from `libs/applications/src/domain/lifecycle.ts` by `lifecycle.spec.ts`; do not edit by hand',
    '(run `npx jest libs/applications -t permissions` with `UPDATE_PERMISSIONS_DOC=1` after changing the table).',
    '',
    'Which commands each role may send in each case state. Object-level access (own application, own',
    'region, own data sources) is checked in addition, in every use case.',
    '',
    header,
    ...rows,
    '',
  ].join('\n');
}
