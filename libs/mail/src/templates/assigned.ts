import type { MailDocument } from './compose';
import { formatLongDate, oneLine } from './format';
import { actionSubject } from './subject';
import type { MailMessageInput, RenderContext } from './types';

type AssignedInput = Extract<MailMessageInput, { kind: 'assigned' }>;

export function assignedMail(input: AssignedInput, ctx: RenderContext): MailDocument {
  const { item } = input;
  const due = formatLongDate(item.dueOn);
  return {
    subject: actionSubject('Assigned to you', item),
    heading: 'Assigned to you',
    recipientName: input.recipientName,
    intro: [
      input.assignedByName
        ? `${oneLine(input.assignedByName)} has assigned this action to you.`
        : 'This action has been assigned to you.',
      item.daysLeft < 0
        ? `Its deadline, ${due}, has passed. Update its status or ask your manager to change the deadline.`
        : `You are responsible for making sure it is done by ${due}. Update its status in followthrough as the work progresses.`,
    ],
    sections: [{ items: [item] }],
    showOwner: false,
    reason: `You are getting this email because you own this action in followthrough for ${ctx.councilName}.`,
  };
}
