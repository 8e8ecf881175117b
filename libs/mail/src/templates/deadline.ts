import type { MailDocument } from './compose';
import { deadlineHeadline, deadlineSentence } from './format';
import { actionSubject } from './subject';
import type { MailMessageInput, RenderContext } from './types';

type DeadlineInput = Extract<MailMessageInput, { kind: 'due_soon' | 'overdue' }>;

/**
 * Reminders before (due_soon) and after (overdue) a deadline. The wording follows daysLeft rather
 * than the kind, so a reminder that goes out late never says "due in -2 days".
 */
export function deadlineMail(input: DeadlineInput, ctx: RenderContext): MailDocument {
  const { item } = input;
  const headline = deadlineHeadline(item.daysLeft);
  return {
    subject: actionSubject(headline, item),
    heading: headline,
    recipientName: input.recipientName,
    intro: [
      deadlineSentence(item.daysLeft),
      item.daysLeft < 0
        ? 'Update its status or ask your manager to change the deadline.'
        : 'Update its status when the work is done. If the deadline is no longer realistic, ask your manager to change it.',
    ],
    sections: [{ items: [item] }],
    showOwner: false,
    reason: `You are getting this email because you own this action in followthrough for ${ctx.councilName}.`,
  };
}
