import {
  type Council,
  type CouncilSettings,
  CouncilsService,
  type NotificationSettings,
} from '@app/people';
import { BadRequestException, Injectable } from '@nestjs/common';
import { NotificationsService } from './notifications.service';
import { notificationSettingsProblem } from './schedule';

export type CouncilSettingsChanges = Partial<CouncilSettings> & {
  notifications?: NotificationSettings;
};

/**
 * Changing a council's settings, for PATCH /api/council and the admin's council settings page
 * alike: new reminder rules also re-plan the reminders planned under the old ones.
 */
@Injectable()
export class CouncilSettingsService {
  constructor(
    private readonly councils: CouncilsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Applies `changes` (what is left out stays); refuses rules the scheduler cannot follow. */
  async update(councilId: string, changes: CouncilSettingsChanges): Promise<Council> {
    // The reminder rules are this lib's to judge, whoever validated the request before.
    const problem = changes.notifications && notificationSettingsProblem(changes.notifications);
    if (problem) throw new BadRequestException(problem);
    const council = await this.councils.updateSettings(councilId, changes);
    if (changes.notifications) await this.notifications.replanCouncil(councilId);
    return council;
  }
}
