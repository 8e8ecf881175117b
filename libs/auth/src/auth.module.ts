import { authConfig, type AuthConfig } from '@app/config';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokens } from './access-tokens';
import { AuthService } from './auth.service';
import { CalendarLinks } from './calendar-links';
import { CouncilSso } from './entities/council-sso.entity';
import { Session } from './entities/session.entity';
import { PasswordHasher } from './password-hasher';
import { RolesGuard } from './roles.guard';
import { SessionsService } from './sessions.service';
import { SsoSecretBox } from './sso/sso-secret-box';
import { SsoSettingsService } from './sso/sso-settings.service';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { TOKEN_ALGORITHMS, TOKEN_AUDIENCE, TOKEN_ISSUER } from './tokens';
import { UserAccountsService } from './user-accounts.service';

/** What this module provides and every importer may use. */
const SERVICES = [
  PasswordHasher,
  SessionsService,
  AuthService,
  UserAccountsService,
  AccessTokens,
  RolesGuard,
  CalendarLinks,
  SsoSecretBox,
  SsoSettingsService,
  SsoSignInService,
];

@Module({
  imports: [
    PeopleModule,
    TypeOrmModule.forFeature([Session, CouncilSso]),
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries to read it as a PEM
        // public key on every verify, and the exception that throws cost 14% of CPU under load.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.accessTokenTtlSeconds,
          audience: TOKEN_AUDIENCE,
          issuer: TOKEN_ISSUER,
        },
        verifyOptions: {
          algorithms: [...TOKEN_ALGORITHMS],
          audience: TOKEN_AUDIENCE,
          issuer: TOKEN_ISSUER,
        },
      }),
    }),
  ],
  providers: SERVICES,
  exports: [PeopleModule, ...SERVICES],
})
export class AuthModule {}
