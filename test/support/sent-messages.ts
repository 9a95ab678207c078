import { Client } from 'pg';

/**
 * Records every message each pg connection sends (`Client#query`, by its text), for the tests that
 * count a transaction's messages (issue 17: each is a socket write from the API process and a
 * backend woken on the same cores). `stop` puts pg's own `query` back.
 */
export function recordSentMessages() {
  const sent = new Map<Client, string[]>();
  const query = Client.prototype.query;
  (Client.prototype as { query: unknown }).query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    if (!sent.has(this)) sent.set(this, []);
    sent.get(this)!.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  return {
    clear: () => sent.clear(),
    stop: () => void (Client.prototype.query = query),
    /**
     * The messages of the transaction, on whichever connection, that sent a message matching
     * `marker`: from the one that opened it (BEGIN, alone or with its first statement) to the one
     * that ended with COMMIT.
     */
    transactionAround(marker: RegExp): string[] | undefined {
      for (const texts of sent.values()) {
        const at = texts.findIndex((s) => marker.test(s));
        if (at < 0) continue;
        let begin = at;
        while (begin >= 0 && !/^\s*(begin|start transaction)/i.test(texts[begin])) begin--;
        const commit = texts.findIndex((s, i) => i >= at && /(^|;)\s*commit\s*$/i.test(s));
        if (begin >= 0 && commit >= 0) return texts.slice(begin, commit + 1);
      }
      return undefined;
    },
  };
}

/** The messages, one a line, for SHOW_STATEMENTS=1 (a message's statements joined by `+`). */
export function showMessages(messages: string[]): void {
  // eslint-disable-next-line no-console
  if (process.env.SHOW_STATEMENTS) console.log(messages.map((s, i) => `${i + 1}: ${s.split(/;\n/).map((one) => one.replace(/\s+/g, ' ').trim().slice(0, 120)).join('\n     + ')}`).join('\n'));
}
