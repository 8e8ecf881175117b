import { OmitOrValidate } from '@app/common';
import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

/**
 * PATCH /users/:id: any of the new user's fields, with the same rules, and `disabled`. Only
 * `team` and `lineManagerId` take null (to clear them); skipNullProperties: false sends null
 * through the others' validators, so it cannot reach the database.
 */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    example: true,
    description:
      'true disables the account and ends all its sessions at once; false enables it again. ' +
      'You cannot disable yourself (400).',
  })
  @OmitOrValidate()
  @IsBoolean()
  disabled?: boolean;
}
