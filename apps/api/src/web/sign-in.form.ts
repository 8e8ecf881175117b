import { Trim } from '@app/common';
import { IsNotEmpty, IsString, IsUUID } from 'class-validator';

/** POST /sign-in. Whether they are right is AuthService.login's to say, as for the API. */
export class SignInForm {
  @IsNotEmpty({ message: 'Enter your email address' })
  @IsString({ message: 'Enter your email address' })
  @Trim()
  email!: string;

  @IsNotEmpty({ message: 'Enter your password' })
  @IsString({ message: 'Enter your password' })
  password!: string;
}

/** POST /sign-in/sso: the council whose provider to sign in through. */
export class SsoSignInForm {
  @IsUUID('all', { message: 'Select your council' })
  council!: string;
}
