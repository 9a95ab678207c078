import { NotificationRecord } from './notification';

/** A notice as its reader sees it. */
export function notificationView(n: NotificationRecord) {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    title: { da: n.titleDa, en: n.titleEn },
    body: { da: n.bodyDa, en: n.bodyEn },
    /** `person` when addressed to the reader by name, `role` when to everyone in their role. */
    addressedTo: n.recipientSub !== null ? ('person' as const) : ('role' as const),
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
    read: n.readAt !== null,
  };
}

export type NotificationView = ReturnType<typeof notificationView>;
