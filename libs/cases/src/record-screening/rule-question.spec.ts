import { questionText, ruleQuestion } from './rule-question';

describe('the question of a consultation a rule opens', () => {
  const message = { da: 'Databasens styregruppe høres fagligt om ansøgningen.', en: "The database's steering group is consulted for professional comments." };

  it('reads back in Danish and in English, each alone', () => {
    expect(questionText(ruleQuestion(message), 'rule')).toEqual(message);
  });

  it('keeps each language on its line when a rule’s text spans lines', () => {
    expect(questionText(ruleQuestion({ da: 'Første linje\nanden linje', en: 'First line\nsecond line' }), 'rule')).toEqual({ da: 'Første linje anden linje', en: 'First line second line' });
  });

  it('gives a caseworker’s question as written, whatever the reader’s language', () => {
    expect(questionText('Hvilken etisk godkendelse dækker koblingen?\nSe bilag 2.', 'caseworker')).toEqual({ da: 'Hvilken etisk godkendelse dækker koblingen?\nSe bilag 2.', en: 'Hvilken etisk godkendelse dækker koblingen?\nSe bilag 2.' });
  });
});
