/** The worker's identity in the audit trail: commands it runs on its own (screening, clocks). */
export const SYSTEM_ACTOR = { sub: 'system', role: 'system', organisation: null } as const;
