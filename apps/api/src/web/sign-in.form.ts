import { Trim } from '@app/common';
import { IsNotEmpty, IsString } from 'class-validator';

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
