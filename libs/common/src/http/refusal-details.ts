import { HttpException } from '@nestjs/common';

/**
 * The `details` a service put in a refusal's body (`{ message, details }`: the field to put
 * right, the rule's code), or null for any other error. Callers check the shape they expect.
 */
export function refusalDetailsOf(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof HttpException)) return null;
  const response = error.getResponse();
  const details: unknown =
    typeof response === 'object' && response !== null && 'details' in response
      ? response.details
      : null;
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)
    : null;
}
