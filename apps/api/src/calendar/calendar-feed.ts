import type { CalendarAction } from '@app/actions';
import ical, { ICalCalendarMethod } from 'ical-generator';

const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  in_progress: 'In progress',
  blocked: 'Blocked',
};

/**
 * A person's actions as an iCalendar feed: one all-day event on each deadline, named by the
 * action's reference and title and linking to its page. The event's id is the action's, so a
 * moved deadline moves the event when the calendar next fetches the feed. Nothing else about the
 * action leaves the service this way (docs/security.md).
 */
export function calendarFeed(
  actions: readonly CalendarAction[],
  feed: { name: string; appUrl: string; host: string },
): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'followthrough', product: 'actions', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps fetch again after this long (Outlook and Google take it as a hint).
    ttl: 60 * 60 * 4,
  });
  for (const action of actions) {
    const url = `${feed.appUrl}/actions/${action.id}`;
    calendar.createEvent({
      id: `${action.id}@${feed.host}`,
      start: new Date(`${action.dueOn}T00:00:00Z`),
      allDay: true,
      summary: `Due: ${action.reference} ${action.title}`,
      description: `${STATUS_WORDS[action.status] ?? action.status}. ${url}`,
      url,
      stamp: action.updatedAt,
      lastModified: action.updatedAt,
    });
  }
  return calendar.toString();
}
