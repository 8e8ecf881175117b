import type { Council, CouncilsService } from '@app/people';
import { BadRequestException } from '@nestjs/common';
import { CouncilSettingsService } from './council-settings.service';
import type { NotificationsService } from './notifications.service';

describe('CouncilSettingsService.update', () => {
  const council = { id: 'council-1' } as Council;

  function service() {
    const updateSettings = jest.fn().mockResolvedValue(council);
    const replanCouncil = jest.fn().mockResolvedValue(undefined);
    const settings = new CouncilSettingsService(
      { updateSettings } as unknown as CouncilsService,
      { replanCouncil } as unknown as NotificationsService,
    );
    return { settings, updateSettings, replanCouncil };
  }

  it('saves new reminder rules and re-plans the council’s reminders', async () => {
    const { settings, updateSettings, replanCouncil } = service();
    const changes = { immediateWindowDays: 10, notifications: { reminderOffsets: [7, 0] } };
    await expect(settings.update('council-1', changes)).resolves.toBe(council);
    expect(updateSettings).toHaveBeenCalledWith('council-1', changes);
    expect(replanCouncil).toHaveBeenCalledWith('council-1');
  });

  it('leaves the plan alone when the reminder rules are not changed', async () => {
    const { settings, replanCouncil } = service();
    await settings.update('council-1', { defaultWindowMonths: 3 });
    expect(replanCouncil).not.toHaveBeenCalled();
  });

  it('refuses rules the scheduler cannot follow, saving nothing', async () => {
    const { settings, updateSettings, replanCouncil } = service();
    await expect(
      settings.update('council-1', { notifications: { reminderOffsets: [7, 7] } }),
    ).rejects.toBeInstanceOf(BadRequestException);
    expect(updateSettings).not.toHaveBeenCalled();
    expect(replanCouncil).not.toHaveBeenCalled();
  });
});
