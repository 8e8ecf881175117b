import { ActionChanged } from '@app/actions';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RemindersQueue } from './reminders-queue';

/**
 * A changed action is looked at now rather than at the next sweep, so an assignment email goes
 * at once. Losing this nudge (the process stopping between commit and queue) only delays the
 * email: the database trigger has already marked the action for the sweep.
 */
@Injectable()
export class ActionChangedListener {
  constructor(private readonly queue: RemindersQueue) {}

  @OnEvent(ActionChanged.event, { promisify: true })
  onActionChanged(event: ActionChanged): Promise<void> {
    return this.queue.checkAction(event.actionId);
  }
}
