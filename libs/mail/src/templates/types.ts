/**
 * View models for the emails. The delivery service builds them from the database; the templates
 * only turn them into text, so they stay pure and easy to test.
 */
export interface ActionMailItem {
  actionId: string;
  /** Shown first in subjects and headings, e.g. "STK-2026-R1-1". */
  reference: string;
  title: string;
  /** The recommendation the action answers; long ones are shortened in the body. */
  recommendation: string;
  /** e.g. "Inspection of local authority children's services (ILACS), 2026". */
  inspectionTitle: string;
  /** ISO date (YYYY-MM-DD). */
  dueOn: string;
  /** Days from today to the deadline: 0 is today, negative is overdue (-3 = overdue by 3 days). */
  daysLeft: number;
  successMeasure: string | null;
  ownerName: string | null;
  /** An action status such as "in_progress". */
  status: string;
  /** The action's RAG by the documented rules (docs/api.md), when the sender rated it. */
  rag?: MailRag | null;
}

/** An action's RAG in an email: the one that counts and why, and a manager's reason if theirs. */
export interface MailRag {
  rag: 'red' | 'amber' | 'green';
  /** Why the computed RAG is what it is ("Overdue: the deadline has passed."). */
  reason: string;
  /** The computed RAG, and the manager's reason, when a manager set the RAG. */
  override: { computed: 'red' | 'amber' | 'green' | null; reason: string } | null;
}

export type MailMessageInput =
  | { kind: 'assigned'; recipientName: string; item: ActionMailItem; assignedByName: string | null }
  | { kind: 'due_soon'; recipientName: string; item: ActionMailItem }
  | { kind: 'overdue'; recipientName: string; item: ActionMailItem }
  /** To the owner: someone else moved the deadline (item.dueOn is the new one). */
  | {
      kind: 'deadline_changed';
      recipientName: string;
      item: ActionMailItem;
      changedByName: string;
      /** ISO date (YYYY-MM-DD): the deadline before the change. */
      fromDueOn: string;
      reason: string;
    }
  /** To a line manager: overdue actions owned by people they manage. */
  | { kind: 'escalation'; recipientName: string; items: ActionMailItem[] }
  /** To council admins: actions overdue by more than `afterDays`. */
  | { kind: 'admin_escalation'; recipientName: string; items: ActionMailItem[]; afterDays: number }
  /** Weekly summary for people who chose it over every reminder. */
  | {
      kind: 'digest';
      recipientName: string;
      overdue: ActionMailItem[];
      dueSoon: ActionMailItem[];
      windowDays: number;
    };

export type MailKind = MailMessageInput['kind'];

export interface RenderContext {
  councilName: string;
  /** Public address of the web app, without a trailing slash. */
  appUrl: string;
  /** Where people change how often they get email; defaults to `${appUrl}/settings`. */
  preferencesUrl?: string;
}

export interface RenderedMail {
  /** One line, safe to put in a header. */
  subject: string;
  /** Complete on its own, for clients that do not show HTML. */
  text: string;
  html: string;
}
