import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { RuleSetContent } from '../domain/rule-set';

/** sha256 of the canonical JSON (RFC 8785) of a plugin's content: whitespace and key order do not count. */
export function contentSha256(content: RuleSetContent): string {
  return createHash('sha256').update(canonicalize(content) ?? '').digest('hex');
}
