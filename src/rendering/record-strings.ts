import type { NoteKind, WorkType } from '../domain/posts/post.types.js';
import type { PolicyKind } from '../domain/settings/site-policies.js';

/** The words of the record and the trust indicators: types of work, notes, /corrections/, policies, authors. */
export interface RecordStrings {
  /** The label above a headline. */
  workTypes: Record<WorkType, string>;
  /** What a sponsored post says under its label. */
  sponsoredNotice: string;
  kinds: Record<NoteKind, string>;
  /** The heading of an article's notes. */
  recordHeading: string;
  /** The line above the corrections of an article ("This article was corrected"). */
  correctedNotice: string;
  correctionsTitle: string;
  correctionsIntro: string;
  noCorrections: string;
  olderCorrections: string;
  newestCorrections: string;
  /** "Correction to", before the corrected post's title on /corrections/. */
  correctionTo: string;
  inOtherLanguages: string;
  /** The footer's links to the publisher's policy pages, and to /corrections/, under this name. */
  policiesLabel: string;
  policies: Record<PolicyKind, string>;
  allCorrections: string;
  /** On an author's page. */
  expertise: string;
  contact: string;
  elsewhere: string;
}
