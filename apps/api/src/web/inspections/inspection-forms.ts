import { IsIn, IsObject, IsOptional, IsString } from 'class-validator';

/**
 * /inspections/:id/open: the review's one form, with each draft's fields keyed by the action's
 * id (`owner[<id>]`, `dueOn[<id>][day]` ...). Their rules are readOpenForm's and the domain's.
 */
export class OpenDraftsForm {
  @IsOptional()
  @IsIn(['open', 'save'])
  intent?: 'open' | 'save';

  @IsOptional()
  @IsObject()
  owner?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  organisation?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  successMeasure?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  dueOn?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  open?: Record<string, unknown>;
}

/**
 * /inspections/:id/suggestions/:sid/dismiss. Whether the reason will do (given, not too long)
 * is SuggestionsService.dismiss's rule, worded for the suggestion it names.
 */
export class DismissSuggestionForm {
  @IsOptional()
  @IsString({ message: 'Enter why you are dismissing the suggestion' })
  reason?: string;
}
