import { assignedMail } from './assigned';
import { composeMail, type MailDocument } from './compose';
import { deadlineMail } from './deadline';
import { deadlineChangedMail } from './deadline-changed';
import { digestMail } from './digest';
import { adminEscalationMail, escalationMail } from './escalation';
import type { MailMessageInput, RenderContext, RenderedMail } from './types';

function documentFor(input: MailMessageInput, ctx: RenderContext): MailDocument {
  const kind = input.kind;
  switch (kind) {
    case 'assigned':
      return assignedMail(input, ctx);
    case 'due_soon':
    case 'overdue':
      return deadlineMail(input, ctx);
    case 'deadline_changed':
      return deadlineChangedMail(input, ctx);
    case 'escalation':
      return escalationMail(input, ctx);
    case 'admin_escalation':
      return adminEscalationMail(input, ctx);
    case 'digest':
      return digestMail(input, ctx);
    default: {
      const unknown: never = kind;
      throw new Error(`No email template for kind ${String(unknown)}`);
    }
  }
}

/**
 * The subject, text and HTML of one email. Pure: same input, same output. User text is escaped in
 * the HTML part and made single-line in the subject.
 */
export function renderMail(input: MailMessageInput, ctx: RenderContext): RenderedMail {
  return composeMail(documentFor(input, ctx), ctx);
}
