import { createHash } from 'node:crypto';
import { textDigest } from './text-digest';

describe('textDigest', () => {
  it('stands in for a text by the SHA-256 of its UTF-8, so the archived text can be matched to the event', () => {
    const grounds = 'Birgitte Nørgaard explains why every variable is needed.';
    expect(textDigest(grounds)).toBe(`sha256:${createHash('sha256').update(Buffer.from(grounds, 'utf8')).digest('hex')}`);
    expect(textDigest(grounds)).not.toContain('Nørgaard');
  });

  it('digests a list by its JSON and keeps an absent text absent', () => {
    expect(textDigest(['a', 'b'])).toBe(textDigest('["a","b"]'));
    expect(textDigest(null)).toBeNull();
    expect(textDigest(undefined)).toBeNull();
  });
});
