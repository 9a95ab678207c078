/**
 * Where delivery and stop orders go, per data holder (its CVR number): an HTTPS webhook that
 * receives each order as JSON signed with HMAC-SHA256 over the body, or a directory the holder's
 * file transfer picks orders up from. A holder without an entry reads its orders through the API.
 * `DELIVERY_RECEIVERS` is JSON: `{ "33257872": { "adapter": "webhook", "url": "https://…", "secret": "…" } }`.
 */
export type DeliveryReceiver = { adapter: 'webhook'; url: string; secret: string } | { adapter: 'file_drop'; directory: string };

/** A shared secret shorter than this is guessable (HMAC-SHA256 keys: RFC 2104 § 3, at least the hash length is advised). */
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

export function readDeliveryReceivers(raw: string | undefined, production: boolean, problems: string[]): Record<string, DeliveryReceiver> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    problems.push(`DELIVERY_RECEIVERS is not JSON: ${(error as Error).message}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push('DELIVERY_RECEIVERS must be a JSON object keyed by the holder’s CVR number');
    return {};
  }
  const receivers: Record<string, DeliveryReceiver> = {};
  for (const [cvr, value] of Object.entries(parsed as Record<string, unknown>)) {
    const where = `DELIVERY_RECEIVERS["${cvr}"]`;
    const r = value as Record<string, unknown>;
    if (!/^\d{8}$/.test(cvr)) problems.push(`${where}: the key must be a CVR number (8 digits)`);
    else if (r?.adapter === 'webhook') {
      let url: URL | undefined;
      try {
        url = new URL(String(r.url));
      } catch {
        problems.push(`${where}.url is not a URL`);
      }
      if (url && !(url.protocol === 'https:' || (!production && url.protocol === 'http:'))) problems.push(`${where}.url must be https${production ? '' : ' (or http outside production)'}`);
      if (typeof r.secret !== 'string' || r.secret.length < MIN_WEBHOOK_SECRET_LENGTH) problems.push(`${where}.secret must be a string of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`);
      else if (url) receivers[cvr] = { adapter: 'webhook', url: url.toString(), secret: r.secret };
    } else if (r?.adapter === 'file_drop') {
      if (typeof r.directory !== 'string' || !r.directory.startsWith('/')) problems.push(`${where}.directory must be an absolute path`);
      else receivers[cvr] = { adapter: 'file_drop', directory: r.directory };
    } else problems.push(`${where}.adapter must be "webhook" or "file_drop"`);
  }
  return receivers;
}
