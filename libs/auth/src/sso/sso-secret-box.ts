import { ssoConfig, type SsoConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Why single sign-on cannot be set up on this service: said wherever someone tries. */
export const SSO_KEY_MISSING =
  'Single sign-on is not available: the service has no SSO_SECRET_KEY to encrypt client ' +
  'secrets with. Ask whoever runs the service to set it (see the README), then try again.';

const VERSION = 'v1';

/**
 * Encrypts the client secrets of councils' providers with AES-256-GCM under SSO_SECRET_KEY.
 * Stored as `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url): the key id (a digest of the key,
 * not the key) tells a secret saved under an old key from a tampered one. The council's id is
 * authenticated with it, so a secret copied into another council's row does not decrypt.
 */
@Injectable()
export class SsoSecretBox {
  private readonly key: Buffer | null;
  private readonly keyId: string | null;

  constructor(@Inject(ssoConfig.KEY) config: SsoConfig) {
    this.key = config.secretKey;
    this.keyId = this.key ? keyIdOf(this.key) : null;
  }

  get available(): boolean {
    return this.key !== null;
  }

  encrypt(secret: string, councilId: string): string {
    const key = this.requireKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(councilId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return [VERSION, keyIdOf(key), ...parts].join('.');
  }

  /** The secret, or null when it cannot be read (another key, another council, tampered). */
  decrypt(stored: string, councilId: string): string | null {
    const key = this.requireKey();
    const [version, keyId, iv, tag, ciphertext, ...rest] = stored.split('.');
    if (version !== VERSION || keyId !== this.keyId || !iv || !tag || !ciphertext || rest.length) {
      return null;
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(councilId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error(SSO_KEY_MISSING);
    return this.key;
  }
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256')
    .update('followthrough-sso-key-id')
    .update(key)
    .digest('hex')
    .slice(0, 8);
}
