/**
 * Digital Post (Danish public digital mail, lov om Digital Post fra offentlige afsendere): the
 * channel for letters that must reach a person or company with legal effect — a decision, a
 * revocation — where e-mail only informs. It stays a port: the contract is docs/digital-post.md; an
 * adapter for the national service (via an authorised sending system) implements it.
 */
export interface DigitalPostLetter {
  /** Stable id of the letter (the notice id): the adapter sends it at most once per recipient and id. */
  letterId: string;
  /** A Danish person (CPR) or company (CVR), as Digital Post addresses them. */
  recipient: { kind: 'cpr' | 'cvr'; number: string };
  language: 'da' | 'en';
  title: string;
  body: string;
  caseNumber: string | null;
}

export type DigitalPostReceipt =
  /** The service accepted the letter; `reference` is its id there. */
  | { outcome: 'accepted'; reference: string }
  /** The recipient is exempt from Digital Post: send by paper instead (the caller decides how). */
  | { outcome: 'exempt' };

export abstract class DigitalPost {
  /** Rejects on a temporary failure (the job retries with the same `letterId`); never sends the same letter twice. */
  abstract send(letter: DigitalPostLetter): Promise<DigitalPostReceipt>;
}
