import { rowsById } from '@app/database';
import type { EntityManager } from 'typeorm';
import type { NotificationSettings } from './notification-settings';
import type { EmailPreference } from './notification-settings';

/** A person as an email to them needs them: whether they may get it, and their council's rules. */
export interface MailRecipient {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  emailPreference: EmailPreference;
  councilId: string;
  councilName: string;
  councilSettings: NotificationSettings;
}

/** The person `userId` as a recipient, read inside the caller's transaction; undefined if gone. */
export async function mailRecipient(
  em: EntityManager,
  userId: string,
): Promise<MailRecipient | undefined> {
  const [recipient] = await em.query<MailRecipient[]>(
    `SELECT u.id, u.name, u.email, (u.disabled_at IS NOT NULL) AS disabled,
            u.email_preference AS "emailPreference", c.id AS "councilId", c.name AS "councilName",
            c.notification_settings AS "councilSettings"
       FROM users u JOIN councils c ON c.id = u.council_id
      WHERE u.id = $1`,
    [userId],
  );
  return recipient;
}

/** The names and email addresses of the people `ids`, by id. */
export const contactsOf = rowsById<{ id: string; name: string; email: string }>(
  `SELECT id, name, email FROM users WHERE id = ANY($1)`,
);
