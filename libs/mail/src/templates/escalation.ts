import type { MailDocument } from './compose';
import { plural } from './format';
import type { MailMessageInput, RenderContext } from './types';

type EscalationInput = Extract<MailMessageInput, { kind: 'escalation' }>;
type AdminEscalationInput = Extract<MailMessageInput, { kind: 'admin_escalation' }>;

/** To a line manager: actions owned by people they manage that are overdue. */
export function escalationMail(input: EscalationInput, ctx: RenderContext): MailDocument {
  const count = input.items.length;
  const headline = `${plural(count, 'action')} overdue in your team`;
  return {
    subject: `Escalation: ${headline}`,
    heading: headline,
    recipientName: input.recipientName,
    intro: [
      count === 1
        ? 'An action owned by someone you manage is overdue.'
        : `${count} actions owned by people you manage are overdue.`,
      'Talk to the owners about what is holding them up. They can update the status in followthrough, or you can agree a new deadline.',
    ],
    sections: [{ items: input.items }],
    showOwner: true,
    // Managers may see every overdue action in the council on one page.
    more: { text: 'See everything overdue in the council', path: '/overdue' },
    reason: `You are getting this email because you are the line manager of the people who own these actions in followthrough for ${ctx.councilName}.`,
  };
}

/** To council admins: actions overdue for longer than the council's escalation threshold. */
export function adminEscalationMail(input: AdminEscalationInput, ctx: RenderContext): MailDocument {
  const count = input.items.length;
  const days = plural(input.afterDays, 'day');
  const headline = `${plural(count, 'action')} overdue by more than ${days}`;
  return {
    subject: `Escalation: ${headline}`,
    heading: headline,
    recipientName: input.recipientName,
    intro: [
      count === 1
        ? `This action in ${ctx.councilName} has been overdue for more than ${days}.`
        : `These ${count} actions in ${ctx.councilName} have been overdue for more than ${days}.`,
      'Check that each one has the right owner and a realistic deadline, and that the owner knows what is expected.',
    ],
    sections: [{ items: input.items }],
    showOwner: true,
    more: { text: 'See everything overdue in the council', path: '/overdue' },
    reason: `You are getting this email because you are an administrator for ${ctx.councilName} in followthrough.`,
  };
}
