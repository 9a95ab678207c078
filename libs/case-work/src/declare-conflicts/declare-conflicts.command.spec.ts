import { refusalOf } from '../testing/refusal-of';
import { DeclareConflictsCommand, DeclaredOrganisation } from './declare-conflicts.command';

describe('DeclareConflictsCommand', () => {
  const create = (organisations: unknown) => () => DeclareConflictsCommand.create({ organisations } as never);

  it('accepts CVR numbers with reasons, and an empty list', () => {
    const command = DeclareConflictsCommand.create({ organisations: [{ cvr: '31119103', reason: 'Former employer (2024)' }] });
    expect(command.organisations).toEqual([{ cvr: '31119103', reason: 'Former employer (2024)' }]);
    expect(command.organisations[0]).toBeInstanceOf(DeclaredOrganisation);
    expect(DeclareConflictsCommand.create({ organisations: [] }).organisations).toEqual([]);
  });

  it('names each bad CVR, missing reason and duplicate by its path, counting the problems', () => {
    expect(
      refusalOf(
        create([
          { cvr: '3111910', reason: 'x' },
          { cvr: '31119103', reason: ' ' },
          { cvr: '31119103', reason: 'again' },
        ]),
      ),
    ).toEqual({
      detail: 'The declaration has 3 problems.',
      errors: [
        { field: 'organisations[0].cvr', messages: ['must be an 8-digit CVR number'] },
        { field: 'organisations[1].reason', messages: ['must say why, in at most 1000 characters'] },
        { field: 'organisations[2].cvr', messages: ['31119103 is listed twice'] },
      ],
    });
  });

  it('refuses anything but a list once, and more than 200 organisations', () => {
    for (const organisations of [undefined, null, 'all of them']) {
      expect(refusalOf(create(organisations))).toEqual({ detail: 'The declaration has 1 problem.', errors: [{ field: 'organisations', messages: ['must be a list'] }] });
    }
    const many = Array.from({ length: 201 }, (_, i) => ({ cvr: String(10000000 + i), reason: 'Board member' }));
    expect(refusalOf(create(many)).errors).toEqual([{ field: 'organisations', messages: ['at most 200 organisations'] }]);
  });

  it('names both fields of an entry that is not an organisation', () => {
    expect(refusalOf(create([null])).errors.map((e) => e.field)).toEqual(['organisations[0].cvr', 'organisations[0].reason']);
  });
});
