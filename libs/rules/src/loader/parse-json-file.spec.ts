import { parseJsonText } from './parse-json-file';

describe('parseJsonText', () => {
  it('names the file, the root path and the line and column of malformed JSON', () => {
    const parsed = parseJsonText('rules/x/rules.json', '{\n  "rules": [\n    {,}\n  ]\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.file).toBe('rules/x/rules.json');
    expect(parsed.problem.path).toBe('$');
    expect(parsed.problem.problem).toMatch(/^malformed JSON: .*\(line 3 column 6\)$/);
  });
});
