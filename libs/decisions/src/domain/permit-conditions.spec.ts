import { mergePermitConditions, permitConditionsOn } from './permit-conditions';

const registers = { minimumCellSize: 5, legalReference: 'Sundhedsdatastyrelsen, Forskerservice [check]', verified: false };
const byCode = (lawDate: string, outputControl = registers) => Object.fromEntries(permitConditionsOn(lawDate, outputControl).map((c) => [c.code, c]));

/**
 * Every permit's standard conditions (issue 10). EHDS chapter IV applies from 26 March 2029
 * (art. 105); before then the conditions rest on databeskyttelsesloven § 10, GDPR art. 9(2)(j)
 * with art. 89 and the holders' terms, and art. 61 only informs (LEGAL.md).
 */
describe('standard permit conditions by the law of the decision date', () => {
  it('carries the four conditions on any date: named users, no re-identification, publication, anonymised output', () => {
    for (const date of ['2026-05-01', '2029-03-25', '2029-03-26', '2031-01-01']) {
      expect(permitConditionsOn(date, registers).map((c) => c.code).sort()).toEqual(['PC-ANONYMISED-OUTPUT-ONLY', 'PC-NAMED-USERS-ONLY', 'PC-NO-REIDENTIFICATION', 'PC-PUBLISH-RESULTS']);
    }
  });

  it('before 26 March 2029 cites Danish law and the holders’ terms, naming EHDS art. 61 as information only', () => {
    const c = byCode('2029-03-25');
    expect(c['PC-NAMED-USERS-ONLY']).toMatchObject({ binding: true, legalReference: expect.stringContaining('Databeskyttelsesloven § 10 stk. 3'), note: { en: 'From 26 March 2029: EHDS art. 61(2).' } });
    expect(c['PC-NO-REIDENTIFICATION']).toMatchObject({ binding: true, legalReference: expect.stringMatching(/Databeskyttelsesloven § 10 stk\. 1–2; GDPR art\. 9\(2\)\(j\) and art\. 89/), note: { en: 'From 26 March 2029: EHDS art. 61(3).' } });
    for (const condition of Object.values(c)) expect(condition.legalReference).not.toMatch(/^EHDS art\. 61\((2|3)\)$/);
    // The holders' terms are cited as LEGAL.md gives them: their wording is still to be checked.
    expect(c['PC-NAMED-USERS-ONLY'].legalReference).toContain('[check wording]');
  });

  it('before 26 March 2029 the 18-month publication duty informs, it does not bind', () => {
    const publish = byCode('2027-01-15')['PC-PUBLISH-RESULTS'];
    expect(publish).toMatchObject({ binding: false, legalReference: 'EHDS art. 61(4), applicable from 26 March 2029 (art. 105)' });
    expect(publish.text.en).toContain('18 months');
    expect(publish.text.da).toContain('18 måneder');
  });

  it('from 26 March 2029 binds under EHDS art. 61(2), 61(3) and 61(4): results public within 18 months', () => {
    const c = byCode('2029-03-26');
    expect(c['PC-NAMED-USERS-ONLY']).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(2)' });
    expect(c['PC-NO-REIDENTIFICATION']).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(3)' });
    expect(c['PC-PUBLISH-RESULTS']).toMatchObject({ binding: true, legalReference: 'EHDS art. 61(4)' });
    expect(c['PC-PUBLISH-RESULTS'].text.en).toMatch(/no later than 18 months after the data processing is completed/);
    for (const condition of Object.values(c)) expect(condition.note).toBeUndefined();
  });

  it('quotes the source’s small-cell rule in the anonymised-output condition, and its terms as the reference', () => {
    for (const date of ['2028-01-01', '2030-01-01']) {
      const output = byCode(date, { minimumCellSize: 10, legalReference: 'The biobank’s terms', verified: false })['PC-ANONYMISED-OUTPUT-ONLY'];
      expect(output).toMatchObject({ binding: true, minimumCellSize: 10, legalReference: expect.stringContaining('The biobank’s terms') });
      expect(output.text.en).toContain('fewer than 10 persons');
      expect(output.text.da).toContain('færre end 10 personer');
    }
  });

  it('still requires anonymised output where a source states no small-cell rule, without inventing a number', () => {
    const output = permitConditionsOn('2027-01-01', undefined).find((c) => c.code === 'PC-ANONYMISED-OUTPUT-ONLY')!;
    expect(output).toMatchObject({ binding: true, minimumCellSize: null, text: { en: 'Only anonymised results may leave the analysis environment.' } });
  });

  it('lists each condition once on a permit, but keeps each holder’s own small-cell rule', () => {
    const lpr = permitConditionsOn('2027-01-01', registers);
    const lmdb = permitConditionsOn('2027-01-01', registers);
    const biobank = permitConditionsOn('2027-01-01', { minimumCellSize: 10, legalReference: 'The biobank’s terms' });
    expect(mergePermitConditions([lpr, lmdb])).toEqual(lpr);
    const merged = mergePermitConditions([lpr, biobank]);
    expect(merged.filter((c) => c.code === 'PC-ANONYMISED-OUTPUT-ONLY').map((c) => c.minimumCellSize)).toEqual([5, 10]);
    expect(merged.filter((c) => c.code === 'PC-NO-REIDENTIFICATION')).toHaveLength(1);
  });
});
