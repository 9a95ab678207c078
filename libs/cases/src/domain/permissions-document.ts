import { ROLES } from '@kp/auth';
import { CASE_STATES, Command, LIFECYCLE, LifecycleRole } from './lifecycle';
import { CASE_KINDS, CaseKind, nextStateLabel, STATE_EFFECTS } from './state-effects';

const cell = (kind: CaseKind, state: (typeof CASE_STATES)[number], commands: Command[]) =>
  commands
    .map((command) => {
      const next = nextStateLabel(kind, command, state);
      return next ? `${command} → ${next}` : command;
    })
    .join(', ') || '—';

/** Renders the lifecycle and state-effects tables as the Markdown permission matrix in docs/permissions.md. */
export function renderPermissionsDocument(): string {
  const roles: LifecycleRole[] = [...ROLES, 'system'];
  const header = `| state | ${roles.join(' | ')} |\n|---|${roles.map(() => '---').join('|')}|`;
  const sections = CASE_KINDS.flatMap((kind) => {
    const rows = CASE_STATES.map((state) => `| \`${state}\` | ${roles.map((role) => cell(kind, state, LIFECYCLE[state][role] ?? [])).join(' | ')} |`);
    const effects = Object.entries(STATE_EFFECTS[kind]).map(([command, effect]) => {
      const subCase = effect.subCase ? `${effect.subCase.scope === 'all' ? 'every' : 'the named'} sub-case ${effect.subCase.from.join('/')} → ${effect.subCase.to}` : '—';
      const caseEffect = effect.case
        ? `${effect.case.from ? `${effect.case.from.join('/')} ` : 'any '}→ ${effect.case.to}${effect.case.guard ? ` if ${effect.case.guard.replace(/_/g, ' ')}` : ''}`
        : '—';
      return `| \`${command}\` | ${subCase} | ${caseEffect} | ${effect.clock ?? '—'} |`;
    });
    return [
      `## Case kind \`${kind}\``,
      '',
      header,
      ...rows,
      '',
      'What each command does to state (commands not listed change no state; every command that changes the case gives it a new version):',
      '',
      '| command | sub-cases | case | clock event |',
      '|---|---|---|---|',
      ...effects,
      '',
    ];
  });
  return [
    '# Permission matrix',
    '',
    'Generated from `libs/cases/src/domain/lifecycle.ts` and `state-effects.ts` by `lifecycle.spec.ts`; do not edit by hand',
    '(run `npx jest libs/cases -t permissions` with `UPDATE_PERMISSIONS_DOC=1` after changing the tables).',
    '',
    'Which commands each role may send in each case state, and the state a command leads to (`derived`: from the',
    'sub-cases — decided when none is open, awaiting the controller when every open one waits for its controller).',
    'Object-level access (own application, own region, own data sources) is checked in addition, in every use case.',
    'After a permit, the data holders’ delivery staff (`data_holder`) and the analysis environments’ operators',
    '(`environment_operator`) send no case commands: they report on delivery and stop orders, whose status table is',
    '[`delivery-orders.md`](delivery-orders.md).',
    '',
    ...sections,
  ].join('\n');
}
