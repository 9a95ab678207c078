/**
 * A consultation a rule opens asks the rule's own question, which the rule set gives in Danish and
 * English. Both are kept in the consultation's one `question` column, Danish on the first line and
 * English on the second; a caseworker's question is one text in the language it was written in.
 * `questionText` gives readers the language they read in (the console in Danish shows no English).
 */
export function ruleQuestion(message: { da: string; en: string }): string {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  return `${oneLine(message.da)}\n${oneLine(message.en)}`;
}

export function questionText(question: string, origin: 'rule' | 'caseworker'): { da: string; en: string } {
  if (origin !== 'rule') return { da: question, en: question };
  const [da = '', en] = question.split('\n', 2);
  return { da, en: en || da };
}
