import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedSections } from './architecture-document';
import { ROOT } from './codebase';

describe('docs/architecture.md', () => {
  it('shows the libraries, their imports and the tables each owns as the code has them (architecture)', () => {
    const file = join(ROOT, 'docs/architecture.md');
    expect(existsSync(file)).toBe(true);
    const written = readFileSync(file, 'utf8');
    const rendered = withGeneratedSections(written);
    if (process.env.UPDATE_ARCHITECTURE_DOC === '1') writeFileSync(file, rendered);
    expect(written).toBe(rendered);
  });
});
