/** A draft shared with the advisors of one region's data-support centre (datastøttecenter). */
export interface DraftShareRecord {
  id: string;
  applicationId: string;
  region: string;
  message: string | null;
  sharedBy: string;
  sharedAt: Date;
}

/** An advisor's comment on a shared draft, before it is submitted. */
export interface DraftCommentRecord {
  id: string;
  applicationId: string;
  region: string;
  authorSub: string;
  text: string;
  createdAt: Date;
}
