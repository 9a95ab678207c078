import { localisedFieldErrors, PROBLEM_TEXTS } from '@kp/http';
import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'fs';
import * as path from 'path';
import { globSync } from 'tinyglobby';

/**
 * Every message a field can be refused with has a Danish text (issue 11: problems in Danish by
 * default, validation messages too). A field error's message key is its `rule`: a class-validator
 * constraint's name or the key its decorator gives in `context.rule`, or the rule a command's or
 * use case's own check names. English is the message each of them carries (`messages`, required by
 * the FieldError type), unless en.ts words it: so a key missing in en.ts is not English-less, while a
 * key missing in da.ts would answer a Danish client in English.
 */
const ROOT = path.join(__dirname, '..');
const DTO_AND_COMMAND_FILES = globSync(['apps/api/src/**/dto/*.ts', 'apps/api/src/**/*.dto.ts', 'libs/*/src/**/*.command.ts', 'libs/*/src/command-fields.ts', 'libs/commands/src/common-fields.ts'], {
  cwd: ROOT,
  ignore: ['**/*.spec.ts'],
});
/** Never a refusal of their own: @IsOptional and @ValidateIf only decide whether the others run; unknown and nested fields are the pipe's. */
const NOT_A_MESSAGE = new Set(['conditionalValidation', 'whitelistValidation', 'nestedValidation']);

interface ConstraintUse {
  where: string;
  key: string;
  ownMessage: boolean;
  contextRule: boolean;
}

function constraintUses(): ConstraintUse[] {
  for (const file of DTO_AND_COMMAND_FILES) require(path.join(ROOT, file));
  // class-validator keeps no public list of the classes it knows; its storage's map is the list.
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ name: string }, { propertyName: string; type: string; name?: string; message?: unknown; context?: { rule?: string } }[]>;
  };
  return [...storage.validationMetadatas].flatMap(([target, metas]) =>
    metas
      .filter((m) => !NOT_A_MESSAGE.has(m.type))
      .map((m) => ({
        where: `${target.name}.${m.propertyName}`,
        key: m.context?.rule ?? m.name ?? m.type,
        ownMessage: m.message !== undefined,
        contextRule: m.context?.rule !== undefined,
      })),
  );
}

/** The rules named in code by the checks decorators cannot express (`rule: 'in-future'`, `problem(…, 'not-before')`). */
function rulesInCode(): { where: string; key: string }[] {
  const files = globSync(['libs/*/src/**/*.ts', 'apps/api/src/**/*.ts'], { cwd: ROOT, ignore: ['**/*.spec.ts', 'libs/client/**', 'libs/http/src/problem-texts/**'] });
  return files.flatMap((file) => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const literal = [...source.matchAll(/\brule: '([\w-]+)'/g)].map((m) => m[1]);
    const viaHelper = [...source.matchAll(/\bproblem\([^;]*?,\s*'([a-z][\w-]*)'(?:,\s*\{[^}]*\})?\)/g)].map((m) => m[1]);
    return [...literal, ...viaHelper].map((key) => ({ where: file, key }));
  });
}

describe('field messages in Danish and English', () => {
  const uses = constraintUses();
  const coded = rulesInCode();

  it('reads the constraints of every DTO and command, and the rules named in code', () => {
    expect(DTO_AND_COMMAND_FILES.length).toBeGreaterThan(30);
    expect(uses.map((u) => u.key)).toEqual(expect.arrayContaining(['isString', 'maxLength', 'calendar-date', 'text', 'isCvr']));
    expect(coded.map((u) => u.key)).toEqual(expect.arrayContaining(['question-count', 'answer-question', 'required-for-submission', 'extension-reason', 'departure-reason']));
  });

  it('has a Danish text for every constraint of every DTO and command', () => {
    const missing = uses.filter((u) => !(u.key in PROBLEM_TEXTS.da.field)).map((u) => `${u.where}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('has a Danish text for every rule a command or use case names in code', () => {
    const missing = coded.filter((u) => !(u.key in PROBLEM_TEXTS.da.field)).map((u) => `${u.where}: ${u.key}`);
    expect(missing).toEqual([]);
  });

  it('has an English text for every key: its own message where the decorator gives a key of its own, class-validator’s or en.ts otherwise', () => {
    const englishless = uses.filter((u) => u.contextRule && !u.ownMessage && !(u.key in PROBLEM_TEXTS.en.field)).map((u) => `${u.where}: ${u.key}`);
    expect(englishless).toEqual([]);
  });

  it('has no text for a key nothing uses (a misspelt key would never be found)', () => {
    const used = new Set([...uses, ...coded].map((u) => u.key));
    // Constraints of class-validator the API may use, kept so a new DTO is Danish from its first day.
    const spare = new Set(['whitelistValidation', 'nestedValidation', 'isDefined', 'isNotEmpty', 'isNumber', 'isEnum', 'isUUID', 'isISO8601', 'isDateString', 'isUrl', 'isISO31661Alpha2', 'minLength', 'arrayUnique', 'too-deep', 'bad-text', 'cvr-of-organisation', 'cvr-check-digit', 'not-before', 'unknown-source', 'source-twice', 'same-sources']);
    const unused = Object.keys(PROBLEM_TEXTS.da.field).filter((key) => !used.has(key) && !spare.has(key));
    expect(unused).toEqual([]);
  });

  it('says a supplement request without questions, a lawDate in the wrong format and a too long answer in Danish, and in English when asked', () => {
    const errors = [
      { field: 'questions', messages: ['ask 1 to 10 questions'], rule: 'question-count', args: { max: 10 } },
      { field: 'lawDate', messages: ['lawDate must be a calendar date YYYY-MM-DD'], rule: 'calendar-date' },
      { field: 'answer', messages: ['too long'], rule: 'at-most-characters', args: { max: 20000 } },
      { field: 'months', messages: ['an extension needs a recorded reason (EHDS art. 68(4))'], rule: 'extension-reason' },
    ];
    expect(localisedFieldErrors('da', errors)).toEqual([
      { field: 'questions', messages: ['stil mellem 1 og 10 spørgsmål'] },
      { field: 'lawDate', messages: ['skal være en dato som ÅÅÅÅ-MM-DD, fx 2027-01-31'] },
      { field: 'answer', messages: ['må højst være 20000 tegn'] },
      { field: 'months', messages: ['en forlængelse kræver en begrundelse (EHDS art. 68, stk. 4)'] },
    ]);
    expect(localisedFieldErrors('en', errors).map((e) => e.messages[0])).toEqual(errors.map((e) => e.messages[0]));
  });
});
