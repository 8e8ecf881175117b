import { CreatedAtColumn, TextColumn, UpdatedAtColumn } from '@app/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A council's OpenID Connect provider: one row per council that signs in through one. The
 * client secret is stored only encrypted (SsoSecretBox) and never leaves the service.
 */
@Entity({ name: 'council_sso' })
export class CouncilSso {
  @PrimaryColumn({ name: 'council_id', type: 'uuid' }) councilId!: string;
  @TextColumn('issuer') issuer!: string;
  @TextColumn('client_id') clientId!: string;
  @TextColumn('client_secret_encrypted') clientSecretEncrypted!: string;

  /** false: this council's people sign in only through the provider. */
  @Column({ name: 'passwords_allowed', type: 'boolean', default: true })
  passwordsAllowed!: boolean;

  /** true: someone the provider vouches for but who has no account here gets one, as staff. */
  @Column({ name: 'create_staff_on_first_sign_in', type: 'boolean', default: false })
  createStaffOnFirstSignIn!: boolean;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
