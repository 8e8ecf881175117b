import type { MailDocument } from './compose';
import { plural } from './format';
import type { MailMessageInput, RenderContext } from './types';

type EscalationInput = Extract<MailMessageInput, { kind: 'escalation' }>;
type AdminEscalationInput = Extract<MailMessageInput, { kind: 'admin_escalation' }>;

/**
 * What both escalations share: the headline is the subject and the heading, each action names
 * its owner (the recipient is someone else), and the link goes to everything overdue, which
 * managers and admins may both see on one page.
 */
function escalation(
  input: EscalationInput | AdminEscalationInput,
  { headline, intro, reason }: Pick<MailDocument, 'intro' | 'reason'> & { headline: string },
): MailDocument {
  return {
    subject: `Escalation: ${headline}`,
    heading: headline,
    recipientName: input.recipientName,
    intro,
    sections: [{ items: input.items }],
    showOwner: true,
    more: { text: 'See everything overdue in the council', path: '/overdue' },
    reason,
  };
}

/** To a line manager: actions owned by people they manage that are overdue. */
export function escalationMail(input: EscalationInput, ctx: RenderContext): MailDocument {
  const count = input.items.length;
  return escalation(input, {
    headline: `${plural(count, 'action')} overdue in your team`,
    intro: [
      count === 1
        ? 'An action owned by someone you manage is overdue.'
        : `${count} actions owned by people you manage are overdue.`,
      'Talk to the owners about what is holding them up. They can update the status in followthrough, or you can agree a new deadline.',
    ],
    reason: `You are getting this email because you are the line manager of the people who own these actions in followthrough for ${ctx.councilName}.`,
  });
}

/** To council admins: actions overdue for longer than the council's escalation threshold. */
export function adminEscalationMail(input: AdminEscalationInput, ctx: RenderContext): MailDocument {
  const count = input.items.length;
  const days = plural(input.afterDays, 'day');
  return escalation(input, {
    headline: `${plural(count, 'action')} overdue by more than ${days}`,
    intro: [
      count === 1
        ? `This action in ${ctx.councilName} has been overdue for more than ${days}.`
        : `These ${count} actions in ${ctx.councilName} have been overdue for more than ${days}.`,
      'Check that each one has the right owner and a realistic deadline, and that the owner knows what is expected.',
    ],
    reason: `You are getting this email because you are an administrator for ${ctx.councilName} in followthrough.`,
  });
}
